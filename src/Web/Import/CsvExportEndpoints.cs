using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Import;

/// <summary>
/// A hub's volunteers, open requests and time bank as CSV, with the same column names the import
/// reads (so an export can be edited in a spreadsheet and imported elsewhere). Requests carry
/// contact details only for people who may see them.
/// </summary>
public static class CsvExportEndpoints
{
    public static void MapCsvExports(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/export/volunteers.csv", async (string slug, IGrainFactory grains) =>
        {
            var views = await Volunteers(grains, slug);
            return Csv($"mutualaid-{slug}-volunteers.csv",
                ["Name", "Phone", "Email", "HelpsWith", "Languages", "Vehicle", "MaxAssignments", "MaxHoursPerWeek", "Skills"],
                views.Select(v => new[]
                {
                    v.Profile.Name, v.Profile.Contact?.Phone, v.Profile.Contact?.Email, string.Join("; ", v.Profile.CanHelpWith),
                    string.Join("; ", v.Profile.Languages), v.Profile.HasVehicle ? "yes" : "no", Invariant(v.Profile.MaxConcurrentAssignments),
                    Invariant(v.Profile.MaxHoursPerWeek), string.Join("; ", v.Profile.Skills),
                }));
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/export/timebank.csv", async (string slug, IGrainFactory grains) =>
        {
            var board = await grains.GetGrain<IHubGrain>(slug).GetSnapshot();
            var statements = await Task.WhenAll(board.Volunteers.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetTimeBank(slug, 1)));
            return Csv($"mutualaid-{slug}-timebank.csv", ["Volunteer", "HoursLastSevenDays", "HoursTotal", "Jobs", "LastTookSomething"],
                statements.OfType<TimeBankStatement>().OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => new[]
                {
                    s.Name, Invariant(s.HoursLastSevenDays), Invariant(s.HoursTotal), Invariant(s.Jobs),
                    s.LastTookSomething?.ToString("u", CultureInfo.InvariantCulture),
                }));
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/export/requests.csv", async (string slug, ClaimsPrincipal user, IGrainFactory grains, Access access) =>
        {
            var board = await grains.GetGrain<IHubGrain>(slug).GetSnapshot();
            var mayKnowPeople = await access.Can(user, Ability.SeePrivate, slug);
            var rows = new List<string?[]>();
            foreach (var summary in board.Requests)
            {
                var contact = mayKnowPeople ? (await grains.GetGrain<IRequestGrain>(summary.Id).GetView())?.Contact : null;
                rows.Add([summary.ReferenceCode, summary.Status.ToString(), summary.Urgency.ToString(), summary.Category.ToString(), summary.Area, summary.Need,
                    summary.PreferredLanguage, summary.CreatedAt.ToString("u", CultureInfo.InvariantCulture), summary.AssignedVolunteerName,
                    contact?.Name, contact?.Phone, contact?.Email, contact?.Address]);
            }

            return Csv($"mutualaid-{slug}-requests.csv",
                ["Reference", "Status", "Urgency", "Category", "Area", "Need", "Language", "Created", "AssignedTo", "ContactName", "Phone", "Email", "Address"], rows);
        }).RequireAuthorization(Policies.ViewBoard).NoStoreCache();
    }

    private static async Task<VolunteerView[]> Volunteers(IGrainFactory grains, string slug)
    {
        var board = await grains.GetGrain<IHubGrain>(slug).GetSnapshot();
        var views = await Task.WhenAll(board.Volunteers.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetView()));
        return views.OfType<VolunteerView>().Where(v => v.Profile.HubSlugs.Contains(slug)).OrderBy(v => v.Profile.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static IResult Csv(string fileName, string[] headers, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Text people typed (a need, a name) must not run as a formula when a coordinator opens the
        // file in a spreadsheet; the import takes the escape off again.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(headers);
            foreach (var row in rows) csv.WriteRecord(row.Select(c => c ?? "").ToArray());
        }

        return Results.File(System.Text.Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }
}
