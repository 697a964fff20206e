using System.Diagnostics;

namespace MutualAid.Web.Diagnostics;

/// <summary>
/// A span names the route, never the path: paths carry invitation and reset tokens, reference codes
/// and ids a trace store has no business keeping.
/// </summary>
public static class TraceRedaction
{
    public static void RouteNotPath(Activity activity, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(response);
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unrouted)";
        activity.SetTag("url.path", route);
        activity.SetTag("url.query", null);
        activity.DisplayName = $"{response.HttpContext.Request.Method} {route}";
    }
}
