namespace MutualAid.Web.Api;

/// <summary>
/// How integrations authenticate: a per-hub API token as a bearer credential. People sign in with the
/// cookie (<see cref="Accounts.AccountClaims.Scheme"/>); tools use this, so they never scrape a form.
/// </summary>
public static class ApiTokenScheme
{
    public const string Name = "ApiToken";
}
