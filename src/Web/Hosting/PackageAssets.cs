using Microsoft.AspNetCore.StaticAssets;

namespace MutualAid.Web.Hosting;

/// <summary>
/// Radzen's files, linked so they go out compressed and are kept for a year. Radzen's package declares
/// fingerprinted URLs of its own, but the SDK attaches the precompressed copies (gzip at build, brotli and
/// gzip at publish) only to the plain URLs, so a fingerprinted Radzen stylesheet would go out raw (820 KB).
/// The plain URL with the package's version in the query is as safe to keep: a new Radzen is a new URL.
/// </summary>
internal static class PackageAssets
{
    private const string Prefix = "_content/Radzen.Blazor/";

    private static readonly string Version = typeof(Radzen.Colors).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>A Radzen file's URL, e.g. "css/material.css".</summary>
    public static string Radzen(string path) => $"{Prefix}{path}?v={Version}";

    public static StaticAssetsEndpointConventionBuilder CacheVersionedPackageAssets(this StaticAssetsEndpointConventionBuilder assets)
    {
        assets.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route } ||
                !route.TrimStart('/').StartsWith(Prefix, StringComparison.Ordinal) ||
                endpoint.RequestDelegate is not { } serve)
            {
                return;
            }

            endpoint.RequestDelegate = context =>
            {
                if (context.Request.Query["v"] == Version)
                {
                    context.Response.OnStarting(() =>
                    {
                        if (context.Response.StatusCode == StatusCodes.Status200OK) context.Response.Headers.CacheControl = "max-age=31536000, immutable";
                        return Task.CompletedTask;
                    });
                }

                return serve(context);
            };
        });
        return assets;
    }
}
