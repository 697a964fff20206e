using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Handover;

/// <summary>The shift handover as a text file, for the hub's dispatchers and coordinators.</summary>
public static class HandoverEndpoints
{
    public static void MapHandover(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/handover.txt", async (string slug, int? hours, HandoverService handovers, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            if (await handovers.Text(slug, hours ?? 8) is not { } text) return Results.NotFound();
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8",
                $"mutualaid-{slug}-handover-{now:yyyyMMdd-HHmm}.txt");
        }).RequireAuthorization(Policies.Dispatch).NoStoreCache();
    }
}
