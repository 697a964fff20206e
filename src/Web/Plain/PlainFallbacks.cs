using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Plain;

/// <summary>
/// Plain pages for what the framework would otherwise answer with an empty body, which a browser
/// shows as its own error in its own language: an unknown address, and a form it cannot read.
/// </summary>
public static class PlainFallbacks
{
    /// <summary>
    /// After localization, so the page is in the reader's language. Not for /api: a tool reading the API
    /// gets problem details there (<see cref="Api.ApiSetup.UseApiProblems"/>), never a page.
    /// </summary>
    public static void UseNotFoundPage(this WebApplication app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            // Only an answer with no body gets here; other empty refusals are the endpoints' own.
            if (http.Response.StatusCode != StatusCodes.Status404NotFound) return;
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
            await new RazorComponentResult<MessagePage>(new { Title = t["Routes.NotFoundTitle"].Value, Text = t["Routes.NotFound"].Value, LinkHref = "/", LinkText = t["Common.BackToHubs"].Value })
            { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(http);
        }));

    /// <summary>
    /// Before antiforgery, which reads the form to find its token and, when the form reader refuses the
    /// body (a NUL in a field, too many values), reports only a bad token: the form endpoints then answered
    /// a bare 400. Read here first, the same body gets the page /ask gives, and the endpoint reads the
    /// form already parsed. Only where antiforgery would read the form anyway, so nothing else is buffered.
    /// </summary>
    public static void UseUnreadableFormPage(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
                && http.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                try
                {
                    await http.Request.ReadFormAsync(http.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    await MessagePages.Unreadable(http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>()).ExecuteAsync(http);
                    return;
                }
            }

            await next(http);
        });

    /// <summary>
    /// After antiforgery, which only notes a bad token: a form the framework checks itself (sign-in, set-up,
    /// invite, reset, language, a page's own form) was then refused by the endpoint with an empty or bare
    /// 400, which a browser shows as its own error. A page left open too long is the usual cause, so the
    /// page /ask gives for it is said here, in the reader's language, before the endpoint runs.
    /// </summary>
    public static void UseExpiredFormPage(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && !http.Request.Path.StartsWithSegments("/api")
                && http.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                await MessagePages.SendAgain(http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>()).ExecuteAsync(http);
                return;
            }

            await next(http);
        });

    /// <summary>
    /// Pages answer HEAD as they answer GET (Kestrel sends no body): uptime checkers ask with HEAD, and
    /// a 405 for the home page reads as the site being down.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder AnswerHead(this RazorComponentsEndpointConventionBuilder pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        pages.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any()
                && endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                // Routing reads the last method metadata, so this one widens the page's own.
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
            }
        });
        return pages;
    }
}
