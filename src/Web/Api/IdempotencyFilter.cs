using MutualAid.Api;
using MutualAid.Common;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Api;

/// <summary>
/// Idempotency-Key on a create: the same key with the same body within a day answers the first
/// answer again (status, body, Location) and makes nothing new; the same key with another body is
/// refused. The first answer is kept in a grain, so any front-end of the cluster gives it.
/// A 503 is not kept: the create may not have happened, and repeating it is what the key is for.
/// Nor is a 401, 403 or 404: a caller the hub refused must not spend a key for someone who may.
/// Keys belong to the caller (the account, or the API token), so no one's answer is replayed to another.
/// </summary>
public sealed class IdempotencyFilter(IGrainFactory grains) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static string? KeyOf(HttpContext http) =>
        http?.Request.Headers[Header].ToString() is { Length: > 0 } key ? key : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (KeyOf(http) is not { } key) return await next(context);
        if (key.Length > MaxKeyLength) return ApiProblems.InvalidField(Header, Reason.IdempotencyKeyTooLong, MaxKeyLength);
        // The body binder left its fingerprint; without one the body was never read and nothing is kept.
        if (http.Items[typeof(JsonBody<>)] is not string fingerprint) return await next(context);
        var hub = http.Request.RouteValues["hub"]?.ToString() ?? "";
        // Tokens have no email: the actor id names the token, so two tokens never share a key.
        var caller = AccountClaims.Actor(http.User).UserId;
        var grain = grains.GetGrain<IIdempotencyGrain>(IIdempotencyGrain.Key(hub, caller, key));
        try
        {
            if (await ClusterRetry.Pipeline.ExecuteAsync(async _ => await grain.Recall(), http.RequestAborted) is { } first) return Replay(first, fingerprint);
        }
        catch (Exception ex) when (ClusterRetry.IsTransient(ex))
        {
            return ApiProblems.ClusterRecovering(http);
        }

        if (await next(context) is not IResult result) return null;
        var answer = await Render(http, result, fingerprint);
        if (!Kept(answer.Status)) return new Stored(answer);
        try
        {
            answer = await ClusterRetry.Pipeline.ExecuteAsync(async _ => await grain.Remember(answer), http.RequestAborted);
        }
        catch (Exception ex) when (ClusterRetry.IsTransient(ex))
        {
            // The create went through and its id comes from the key, so a repeat finds the same request.
        }

        return Replay(answer, fingerprint);
    }

    /// <summary>Only an answer given after the caller was let act: a refusal of who they are is never an answer for the key.</summary>
    private static bool Kept(int status) => status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
        or StatusCodes.Status404NotFound or StatusCodes.Status503ServiceUnavailable);

    private static IResult Replay(IdempotentAnswer answer, string fingerprint)
    {
        return answer.Fingerprint == fingerprint ? new Stored(answer) : ApiProblems.For(Result<object>.Refused(Reason.IdempotencyKeyReused));
    }

    /// <summary>Writes the result into memory, so the same bytes are kept and sent.</summary>
    private static async Task<IdempotentAnswer> Render(HttpContext http, IResult result, string fingerprint)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var location = http.Response.Headers.Location.ToString();
        return new IdempotentAnswer(fingerprint, http.Response.StatusCode, http.Response.ContentType, buffer.ToArray(),
            location.Length == 0 ? null : location, TimeProvider.System.GetUtcNow());
    }

    /// <summary>An answer sent again byte for byte, with its status and Location.</summary>
    private sealed class Stored(IdempotentAnswer answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = answer.Status;
            httpContext.Response.ContentType = answer.ContentType;
            if (answer.Location is { } location) httpContext.Response.Headers.Location = location;
            await httpContext.Response.Body.WriteAsync(answer.Body, httpContext.RequestAborted);
        }
    }
}
