using System.Text.Json;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.People;

/// <summary>Right of access: everything a hub holds about one person, as JSON, for its coordinators only.</summary>
public static class PeopleExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapPeopleExport(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/people/export", async (string slug, string? phone, string? email, IGrainFactory grains) =>
        {
            var key = new ContactDetails("-", phone, email, null).MatchKey();
            if (key is null) return Results.BadRequest(Reason.GivePhoneOrEmail.Say().ToString());
            var requests = new List<object>();
            foreach (var id in await grains.GetGrain<IHubGrain>(slug).FindRequestsByContact(key))
            {
                var grain = grains.GetGrain<IRequestGrain>(id);
                if (await grain.GetView() is { } view && view.HubSlug == slug) requests.Add(new { request = view, audit = await grain.GetAudit() });
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(new { hub = slug, exportedAt = DateTimeOffset.UtcNow, requests }, Indented);
            return Results.File(json, "application/json", $"mutualaid-{slug}-person.json");
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/people/volunteers/{id:guid}/export", async (string slug, Guid id, IGrainFactory grains) =>
        {
            var volunteer = await grains.GetGrain<MutualAid.Volunteers.IVolunteerGrain>(id).GetView();
            if (volunteer is null || !volunteer.Profile.HubSlugs.Contains(slug)) return Results.NotFound(Reason.NoSuchVolunteerOnHub.Say().ToString());
            var json = JsonSerializer.SerializeToUtf8Bytes(new { hub = slug, exportedAt = DateTimeOffset.UtcNow, volunteer }, Indented);
            return Results.File(json, "application/json", $"mutualaid-{slug}-volunteer.json");
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();
    }
}
