using Microsoft.Extensions.Options;
using MutualAid.Web.Board;

namespace MutualAid.Web.Hosting;

/// <summary>
/// Browser-side defences on every response. The CSP fits Blazor Server (its script and websocket
/// from this origin) and Radzen (inline style attributes); nothing is loaded from elsewhere, except
/// map tile images when an operator configures a tile server (MutualAid:Map:TileUrl).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string policy = Policy(map.Value.TileOrigin);

    /// <summary>
    /// The API reference page starts its script (served by the Scalar package from this origin) with an
    /// inline module; only that page may run inline script. It shows no personal data and takes no input
    /// but the caller's own token.
    /// </summary>
    private readonly string docsPolicy = Policy(map.Value.TileOrigin).Replace("script-src 'self';", "script-src 'self' 'unsafe-inline';", StringComparison.Ordinal);

    /// <summary>The policy, with a tile server's origin (if any) allowed to serve images.</summary>
    public static string Policy(string? tileOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Api.ApiSetup.DocsPath) ? docsPolicy : policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(context);
    }
}
