using System.Text.Json;
using Microsoft.Extensions.Localization;
using MutualAid.Common;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Localization;
using MutualAid.Web.Plain;

namespace MutualAid.Web.People;

/// <summary>
/// Right of access: everything a hub holds about one person, as JSON, for its coordinators only. A
/// refusal is a page in the coordinator's language, as the page that links here says everything:
/// the link opens in the browser, where a bare JSON string would be all they saw.
/// </summary>
public static class PeopleExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapPeopleExport(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/people/export", async (string slug, string? phone, string? email, PeopleService people, IStringLocalizer<UiText> t) =>
        {
            var key = new ContactDetails("-", phone, email, null).MatchKey();
            if (key is null) return MessagePages.Alert(t["People.Title", slug], t.Say(Reason.GivePhoneOrEmail.Say()), StatusCodes.Status400BadRequest);
            var requests = (await people.ExportOf(slug, key)).Select(found => new { request = found.Request, audit = found.Audit });
            var json = JsonSerializer.SerializeToUtf8Bytes(new { hub = slug, exportedAt = DateTimeOffset.UtcNow, requests }, Indented);
            return Results.File(json, "application/json", $"mutualaid-{slug}-person.json");
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/people/volunteers/{id:guid}/export", async (string slug, Guid id, PeopleService people, IStringLocalizer<UiText> t) =>
        {
            if (await people.Volunteer(slug, id) is not { } volunteer) return MessagePages.Alert(t["People.Title", slug], t.Say(Reason.NoSuchVolunteerOnHub.Say()), StatusCodes.Status404NotFound);
            var json = JsonSerializer.SerializeToUtf8Bytes(new { hub = slug, exportedAt = DateTimeOffset.UtcNow, volunteer }, Indented);
            return Results.File(json, "application/json", $"mutualaid-{slug}-volunteer.json");
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();
    }
}
