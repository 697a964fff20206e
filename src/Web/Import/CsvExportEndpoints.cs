using System.Globalization;
using CsvHelper;
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
        app.MapGet("/hubs/{Slug}/export/volunteers.csv", async (string slug, ExportService exports) =>
        {
            var views = await exports.Volunteers(slug);
            return Csv($"mutualaid-{slug}-volunteers.csv",
                ["Name", "Phone", "Email", "HelpsWith", "Languages", "Vehicle", "MaxAssignments", "MaxHoursPerWeek", "Skills", "VolunteerId"],
                views.Select(v => new[]
                {
                    v.Profile.Name, v.Profile.Contact?.Phone, v.Profile.Contact?.Email, string.Join("; ", v.Profile.CanHelpWith),
                    string.Join("; ", v.Profile.Languages), v.Profile.HasVehicle ? "yes" : "no", Invariant(v.Profile.MaxConcurrentAssignments),
                    Invariant(v.Profile.MaxHoursPerWeek), string.Join("; ", v.Profile.Skills), v.Id.ToString(),
                }));
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/export/timebank.csv", async (string slug, ExportService exports) =>
        {
            var statements = await exports.TimeBanks(slug);
            return Csv($"mutualaid-{slug}-timebank.csv", ["Volunteer", "HoursLastSevenDays", "HoursTotal", "Jobs", "LastTookSomething"],
                statements.Select(s => new[]
                {
                    s.Name, Invariant(s.HoursLastSevenDays), Invariant(s.HoursTotal), Invariant(s.Jobs),
                    s.LastTookSomething?.ToString("u", CultureInfo.InvariantCulture),
                }));
        }).RequireAuthorization(Policies.ManageHub).NoStoreCache();

        app.MapGet("/hubs/{Slug}/export/requests.csv", async (string slug, ExportService exports) =>
        {
            var rows = (await exports.Requests(slug)).Select(row => new[]
            {
                row.Request.ReferenceCode, row.Request.Status.ToString(), row.Request.Urgency.ToString(), row.Request.Category.ToString(), row.Request.Area,
                row.Request.Need, row.Request.PreferredLanguage, row.Request.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                row.Request.HolderNames(), row.Contact?.Name, row.Contact?.Phone, row.Contact?.Email, row.Contact?.Address,
            });
            return Csv($"mutualaid-{slug}-requests.csv",
                ["Reference", "Status", "Urgency", "Category", "Area", "Need", "Language", "Created", "AssignedTo", "ContactName", "Phone", "Email", "Address"], rows);
        }).RequireAuthorization(Policies.ViewBoard).NoStoreCache();
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>A CSV download every export shares, with spreadsheet formulas escaped.</summary>
    internal static IResult Csv(string fileName, string[] headers, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Text people typed (a need, a name) must not run as a formula when a coordinator opens the
        // file in a spreadsheet; the import takes the escape off again.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(headers);
            foreach (var row in rows) csv.WriteRecord(row.Select(c => c ?? "").ToArray());
        }

        // With the UTF-8 mark first: Excel, what most coordinators open a download in, otherwise reads it
        // in the machine's old code page and "Lucía" comes out garbled. The import reads the mark.
        return Results.File([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", fileName);
    }
}
