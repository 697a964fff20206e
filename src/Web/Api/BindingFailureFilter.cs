using System.Reflection;
using MutualAid.Common;

namespace MutualAid.Web.Api;

/// <summary>
/// A query or route value the framework could not bind (say <c>page=99999999999</c>, past an int)
/// is a 422 naming that parameter, as a bad value in a body is. The framework marks the call 400
/// and still runs filters, with the unbound parameter left null; without this the 400 went out
/// empty and read as "the body is not valid JSON", on a GET that has no body.
/// </summary>
public sealed class BindingFailureFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status400BadRequest) return await next(context);
        var unbound = Unbound(http, context.Arguments);
        return ApiProblems.InvalidFields([.. (unbound.Count > 0 ? unbound : ["query"]).Select(p => FieldError.Of(p, Reason.NotAValue))]);
    }

    /// <summary>The handler's parameters that were sent (in the query or the route) but came through null.</summary>
    private static List<string> Unbound(HttpContext http, IList<object?> arguments)
    {
        var parameters = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        return [.. parameters
            .Where(p => p.Position < arguments.Count && arguments[p.Position] is null && p.Name is not null)
            .Where(p => http.Request.Query.ContainsKey(p.Name!) || http.Request.RouteValues.ContainsKey(p.Name!))
            .Select(p => p.Name!)];
    }
}
