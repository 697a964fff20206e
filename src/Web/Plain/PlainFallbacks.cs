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
            // Only an answer with no body gets here; other empty refusals (a bad token's 400) are the endpoints' own.
            if (http.Response.StatusCode != StatusCodes.Status404NotFound) return;
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
            await new RazorComponentResult<MessagePage>(new { Title = t["Routes.NotFoundTitle"].Value, Text = t["Routes.NotFound"].Value, LinkHref = "/", LinkText = t["Common.BackToHubs"].Value })
            { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(http);
        }));
}
