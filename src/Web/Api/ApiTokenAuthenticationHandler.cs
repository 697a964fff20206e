using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MutualAid.ApiTokens;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Api;

/// <summary>
/// Authenticates integrations by their per-hub API token (<c>Authorization: Bearer ma_…</c>). The token
/// grain is asked on every request (it answers from memory), so a revoked token is refused at the very
/// next one, and an expired one from the moment it expires. A refusal is a bare 401 whatever the cause
/// (malformed, unknown, wrong secret, revoked, expired), each counted as a failed attempt alike:
/// telling them apart would help only someone guessing. Nothing here ever issues a cookie.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IGrainFactory grains, ApiTokenFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const string NotAccepted = "The API token was not accepted.";

    private Outcome outcome;

    private enum Outcome
    {
        Refused,
        TooManyFailures,
        ClusterUnavailable,
    }

    /// <summary>The bearer credential of the request, if it carries one.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } token) return AuthenticateResult.NoResult();
        var client = RateLimits.ClientKey(Context);
        if (failures.Exhausted(client))
        {
            outcome = Outcome.TooManyFailures;
            return AuthenticateResult.Fail(NotAccepted);
        }

        ApiTokenGrant? grant = null;
        if (ApiTokenFormat.TryRead(token, out var id, out var hash))
        {
            try
            {
                grant = await ClusterRetry.Pipeline.ExecuteAsync(async _ => await grains.GetGrain<IApiTokenGrain>(id).Verify(hash), Context.RequestAborted);
            }
            catch (Exception ex) when (ClusterRetry.IsTransient(ex))
            {
                // Not the token's fault: say so, so an integration retries rather than drops its token.
                outcome = Outcome.ClusterUnavailable;
                return AuthenticateResult.Fail(NotAccepted);
            }
        }

        if (grant is null)
        {
            failures.Record(client);
            return AuthenticateResult.Fail(NotAccepted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(AccountClaims.Principal(grant), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        switch (outcome)
        {
            case Outcome.TooManyFailures:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(failures.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                break;
            case Outcome.ClusterUnavailable:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "2";
                break;
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Response.Headers.WWWAuthenticate = "Bearer";
                break;
        }

        return Task.CompletedTask;
    }
}
