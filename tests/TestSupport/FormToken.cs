using System.Text.RegularExpressions;

namespace MutualAid.TestSupport;

/// <summary>The antiforgery token a server-rendered form carries, for tests that post forms as a browser would.</summary>
public static partial class FormToken
{
    public const string FieldName = "__RequestVerificationToken";

    /// <summary>The first form's token on the page, or "" when there is none.</summary>
    public static string In(string html) => Pattern().Match(html).Groups[1].Value;

    /// <summary>The antiforgery cookie the form's page set, as a Cookie header sends it back (name=value).</summary>
    public static string Cookie(HttpResponseMessage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Pattern();
}
