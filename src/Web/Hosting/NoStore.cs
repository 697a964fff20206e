namespace MutualAid.Web.Hosting;

/// <summary>
/// For answers that carry people's contact details (exports, handovers, a volunteer's jobs): no
/// browser, shared computer or proxy on the way may keep a copy once it has been shown or saved.
/// </summary>
public static class NoStore
{
    public static TBuilder NoStoreCache<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return await next(context);
        });
}
