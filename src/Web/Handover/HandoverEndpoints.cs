using Microsoft.Extensions.Localization;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.Handover;

/// <summary>The shift handover as a text file, for the hub's dispatchers and coordinators.</summary>
public static class HandoverEndpoints
{
    private const int DefaultHours = 8;

    public static void MapHandover(this WebApplication app)
    {
        // Hours as text: a typed int answered a bare 400 to a number too big for it, and a handover of some
        // other length than asked for (-1 read as 1) is worse than saying so, in the reader's words.
        app.MapGet("/hubs/{Slug}/handover.txt", async Task<IResult> (string slug, string? hours, HandoverService handovers, TimeProvider clock, IStringLocalizer<UiText> t) =>
        {
            var span = string.IsNullOrEmpty(hours) ? DefaultHours : QueryValue.Number(hours);
            if (span is not { } asked || asked < HandoverService.MinHours || asked > HandoverService.MaxHours)
            {
                return MessagePages.Alert(t["Handover.HoursRefused"], t["Handover.HoursRange", HandoverService.MinHours, HandoverService.MaxHours], StatusCodes.Status400BadRequest);
            }

            var now = clock.GetUtcNow();
            if (await handovers.Text(slug, asked) is not { } text) return Results.NotFound();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8",
                $"mutualaid-{slug}-handover-{now:yyyyMMdd-HHmm}.txt");
        }).RequireAuthorization(Policies.Dispatch).NoStoreCache();
    }
}
