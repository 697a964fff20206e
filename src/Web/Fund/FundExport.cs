using System.Globalization;
using MutualAid.Fund;
using MutualAid.Web.Accounts;
using MutualAid.Web.Hosting;
using MutualAid.Web.Import;

namespace MutualAid.Web.Fund;

/// <summary>
/// The ledger as CSV for the hub's coordinators, and its receipt photos. A file travels further than
/// a page, so a donor who asked not to be named is not named in it.
/// </summary>
public static class FundExport
{
    public static void MapFundExport(this WebApplication app)
    {
        app.MapGet("/hubs/{Slug}/fund/ledger.csv", async (string slug, FundService fund) =>
        {
            var ledger = await fund.Ledger(slug);
            if (!ledger.IsOk) return Results.Forbid();
            return CsvExportEndpoints.Csv($"mutualaid-{slug}-fund.csv", Headers, Rows(ledger.Value!));
        }).RequireAuthorization(Policies.ManageFund).NoStoreCache();

        app.MapGet("/hubs/{Slug}/fund/receipts/{id:guid}", async (string slug, Guid id, FundService fund) =>
        {
            return await fund.Receipt(slug, id) is { } receipt ? Results.File(receipt.Bytes, receipt.ContentType) : Results.NotFound();
        }).RequireAuthorization(Policies.ManageFund).NoStoreCache();
    }

    public static readonly string[] Headers =
        ["Id", "Date", "Kind", "Category", "In", "Out", "Asked", "Currency", "Note", "Donor", "Anonymous", "Payee", "Request", "RecordedBy", "RefersTo", "ReceiptPhoto"];

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static IEnumerable<string?[]> Rows(FundLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.Entries.Select(e => new[]
        {
            e.Id.ToString(), e.At.ToString("u", CultureInfo.InvariantCulture), e.Kind.ToString(), e.Category.ToString(),
            // Money in and out in their own columns, both positive: a leading minus would read as a formula and be escaped.
            e.Effect > 0 ? Money(e.Effect) : null, e.Effect < 0 ? Money(-e.Effect) : null,
            e.Kind == FundEntryKind.ReimbursementAsked ? Money(e.Amount) : null, ledger.Currency, e.Note,
            e.Anonymous ? null : e.DonorName, e.Anonymous ? "yes" : "", e.PayeeName, e.RequestId?.ToString(), e.RecordedBy.DisplayName,
            e.RefersTo?.ToString(), e.HasReceiptPhoto ? "yes" : "",
        });
    }
}
