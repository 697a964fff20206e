using MutualAid.Common;
using MutualAid.Web.Accounts;
using MutualAid.Web.Dispatch;

namespace MutualAid.Web.Api;

/// <summary>What the request endpoints share: reading the body, and finding the hub a request is on.</summary>
public static class ApiRequests
{
    /// <summary>The body's problem, or the call made with its value.</summary>
    public static Task<IResult> WithBody<T>(JsonBody<T> body, Func<T, Task<IResult>> call) where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(call);
        return body.Problem is { } problem ? Task.FromResult(problem) : call(body.Value!);
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the hub the request is on as the caller may see it;
    /// a request they may not see is a 404 that says nothing more.
    /// </summary>
    public static Task<IResult> OnRequest<T>(HttpContext http, CurrentUser user, RequestReader reader, Guid id, Func<string, Task<Result<T>>> command, Func<T, IResult> ok) =>
        ApiCall.Run(http, user, async () => await reader.Summary(id) is { } summary ? await command(summary.HubSlug) : Result<T>.NotFound(Reason.NoSuchRequest), ok);
}
