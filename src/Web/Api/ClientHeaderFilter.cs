using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Api;

/// <summary>
/// A browser sends the sign-in cookie on its own, even to a cross-site form; it cannot add this
/// header to one (CSRF). A bearer token is never sent on its own, so token calls need no header.
/// </summary>
public sealed class ClientHeaderFilter : IEndpointFilter
{
    public const string Header = "X-MutualAid-Client";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var byCookie = http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AccountClaims.Scheme);
        return byCookie && !http.Request.Headers.ContainsKey(Header)
            ? ApiProblems.Of(StatusCodes.Status400BadRequest, ApiProblems.Malformed, "Missing header", Reason.ClientHeaderMissing, Header)
            : await next(context);
    }
}
