using MutualAid.Hubs;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Handover;

/// <summary>The shift handover as a text file, for the hub's dispatchers and coordinators.</summary>
public static class HandoverEndpoints
{
    public static void MapHandover(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/handover.txt", async (HttpContext http, string slug, int? hours, HandoverService handovers, CurrentUser user, IGrainFactory grains, TimeProvider clock) =>
        {
            user.Set(http.User);
            var now = clock.GetUtcNow();
            if (await handovers.Build(slug, hours ?? 8) is not { } handover) return Results.NotFound();
            var settings = await grains.GetGrain<IHubGrain>(slug).GetSettings();
            var zone = settings is not null && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(handover.ToText(zone)), "text/plain; charset=utf-8",
                $"mutualaid-{slug}-handover-{now:yyyyMMdd-HHmm}.txt");
        }).RequireAuthorization(Policies.Dispatch).NoStoreCache();
    }
}
