using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Transparency;

/// <summary>
/// /public/hubs/{slug} and /public/regions/{slug}: a hub's or region's figures for anyone, with no
/// account and no script. Cached per language for <see cref="PublicPageOptions.Fresh"/> (one render
/// serves every reader, so a busy page costs the grains a few calls a minute) and rate-limited per client. An unknown slug
/// gets exactly what any unknown address gets, so the page says nothing about which hubs exist.
/// </summary>
public static class TransparencyEndpoints
{
    public const string CachePolicy = "public-figures";

    /// <summary>The output cache the public pages are served from (their service is a page service).</summary>
    public static IServiceCollection AddMutualAidTransparency(this IServiceCollection services, IConfiguration configuration)
    {
        var pages = PublicPageOptions.Read(configuration);
        services.AddSingleton(Options.Create(pages));
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, p => p.Expire(pages.Fresh)
            // The request's language (cookie, ?lang= or browser) picks the words, so it is part of the key.
            .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name))));
        return services;
    }

    public static void MapTransparency(this WebApplication app)
    {
        app.MapGet("/public/hubs/{slug}", async (string slug, HttpContext http, TransparencyService figures, IOptions<PublicPageOptions> pages) => Page(http, pages.Value, await figures.Hub(slug)))
            .CacheOutput(CachePolicy).RequireRateLimiting(RateLimits.PublicPage);
        app.MapGet("/public/regions/{slug}", async (string slug, HttpContext http, TransparencyService figures, IOptions<PublicPageOptions> pages) => Page(http, pages.Value, await figures.Region(slug)))
            .CacheOutput(CachePolicy).RequireRateLimiting(RateLimits.PublicPage);
    }

    private static Results<RazorComponentResult<PublicPage>, NotFound> Page(HttpContext http, PublicPageOptions pages, PublicFigures? figures)
    {
        if (figures is null) return TypedResults.NotFound();
        // Browsers and proxies may keep it as long as the server does: it names nobody.
        http.Response.Headers.CacheControl = $"public, max-age={(int)pages.Fresh.TotalSeconds}";
        http.Response.Headers.Vary = "Accept-Language, Cookie";
        return new RazorComponentResult<PublicPage>(new { Figures = figures });
    }
}
