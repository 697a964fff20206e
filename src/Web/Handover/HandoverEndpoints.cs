using MutualAid.Neighbourhoods;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Board;

/// <summary>The shift handover as a text file, for the hub's dispatchers and coordinators.</summary>
public static class HandoverEndpoints
{
    public static void MapHandover(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/handover.txt", async (string slug, int? hours, IGrainFactory grains, TimeProvider clock) =>
        {
            var span = TimeSpan.FromHours(Math.Clamp(hours ?? 8, 1, 48));
            var now = clock.GetUtcNow();
            var handover = await Handover.Build(grains, slug, now - span, now);
            var settings = await grains.GetGrain<INeighbourhoodGrain>(slug).GetSettings();
            var zone = settings is not null && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
            return Results.File(System.Text.Encoding.UTF8.GetBytes(handover.ToText(zone)), "text/plain; charset=utf-8",
                $"mutualaid-{slug}-handover-{now:yyyyMMdd-HHmm}.txt");
        }).RequireAuthorization(Policies.Dispatch).NoStoreCache();
    }
}
