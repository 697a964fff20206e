using Microsoft.Extensions.Primitives;
using MutualAid.Silo.Hosting;

namespace MutualAid.Web.Board;

/// <summary>
/// The board hub answers pages of this site and the wall-display origins an operator lists
/// (MutualAid:Board:AllowedOrigins), nobody else: a browser sends a signed-in person's cookie with
/// a WebSocket that any site may open, so without this another site could watch a hub's board.
/// Clients that are not browsers send no Origin and are judged by their credentials alone.
/// </summary>
public static class BoardOrigins
{
    public const string Setting = "MutualAid:Board:AllowedOrigins";

    public static HubEndpointConventionBuilder RefuseForeignOrigins(this HubEndpointConventionBuilder hub, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var allowed = Allowed(configuration);
        // Both the negotiate endpoint and the connection itself (WebSocket, SSE, long polling) go through here.
        hub.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http =>
            {
                if (IsAllowed(http.Request, allowed)) return inner(http);
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return hub;
    }

    public static bool IsAllowed(HttpRequest request, IReadOnlySet<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);
        var origin = request.Headers.Origin;
        if (StringValues.IsNullOrEmpty(origin)) return true;
        if (origin.Count != 1 || Normalize(origin.ToString()) is not { } asked) return false; // "null", garbage or several
        return allowed.Contains(asked) || asked == Normalize($"{request.Scheme}://{request.Host}");
    }

    private static HashSet<string> Allowed(IConfiguration configuration)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in configuration.GetSection(Setting).Get<string[]>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            set.Add(Normalize(value.Trim()) ?? throw new StartupException($"{Setting} has '{value}', which is not an origin such as https://wall.example.org."));
        }

        return set;
    }

    /// <summary>scheme://host:port in lower case, with the port always written, or null if it is not an http(s) origin.</summary>
    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}"
            : null;
}
