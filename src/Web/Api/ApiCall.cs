using MutualAid.Common;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Api;

/// <summary>
/// Runs one API call for the caller: through the cluster retry (a command is either done, refused
/// with a reason, or clearly retryable: 503), and answers a failed result with its problem.
/// </summary>
public static class ApiCall
{
    public static async Task<IResult> Run<T>(HttpContext http, CurrentUser user, Func<Task<Result<T>>> command, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ok);
        Result<T> result;
        try
        {
            result = await ClusterRetry.Pipeline.ExecuteAsync(async _ => await command(), http.RequestAborted);
        }
        catch (Exception ex) when (ClusterRetry.IsTransient(ex))
        {
            return ApiProblems.ClusterRecovering(http);
        }

        return result.IsOk ? ok(result.Value!) : ApiProblems.For(result);
    }

    /// <summary>A read that answers 404 (revealing nothing) when the caller may not see it.</summary>
    public static Task<IResult> Read<T>(HttpContext http, CurrentUser user, Func<Task<T?>> read, Func<T, IResult> ok) where T : class =>
        Run(http, user, async () => await read() is { } value ? Result<T>.Ok(value) : Result<T>.NotFound(Reason.NotFound), ok);
}
