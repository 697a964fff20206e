using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using MutualAid.Common;

namespace MutualAid.Web.Api;

/// <summary>
/// A tool is answered, not redirected: an API call that is neither signed in nor carries a
/// recognised token gets a 401 problem (the cookie scheme would send it to the sign-in page).
/// </summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!ApiSetup.IsApi(context.Request.Path) || authorizeResult.Succeeded)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // A token was sent but not accepted: its scheme knows whether to say "wait" (too many failures
        // from here, or the cluster recovering) rather than the 401 every refused token gets alike.
        if (!authorizeResult.Forbidden && ApiTokenAuthenticationHandler.Presented(context.Request) is not null)
        {
            await context.ChallengeAsync(ApiTokenScheme.Name);
            Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? wait = context.Response.StatusCode switch
            {
                StatusCodes.Status429TooManyRequests => ApiProblems.Of(StatusCodes.Status429TooManyRequests, ApiProblems.TooMany, "Too many refused tokens", Reason.TooManyTokenFailures),
                StatusCodes.Status503ServiceUnavailable => ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, ApiProblems.Unavailable, "Try again shortly", Reason.ClusterRecovering),
                _ => null,
            };
            if (wait is not null)
            {
                await wait.ExecuteAsync(context);
                return;
            }
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        var status = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        var problem = authorizeResult.Forbidden
            ? ApiProblems.Of(status, ApiProblems.Forbidden, "Not allowed", Reason.NotPossibleHere)
            : ApiProblems.Of(status, ApiProblems.Unauthenticated, "Not signed in", Reason.SignInOrToken);
        await problem.ExecuteAsync(context);
    }
}
