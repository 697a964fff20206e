namespace MutualAid.Web.Hosting;

/// <summary>
/// For answers that carry people's contact details (exports, handovers, a volunteer's jobs): no
/// browser, shared computer or proxy on the way may keep a copy once it has been shown or saved.
/// </summary>
public static class NoStore
{
    /// <summary>
    /// Exactly what antiforgery sets on a page with a token: it logs a warning each time it replaces a
    /// Cache-Control without no-cache, which "no-store" alone was, on every /my/jobs a volunteer opened.
    /// </summary>
    public const string CacheControl = "no-cache, no-store";

    public static TBuilder NoStoreCache<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = CacheControl;
            headers.Pragma = "no-cache";
            return await next(context);
        });
}
