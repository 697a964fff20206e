using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Volunteers;
using Microsoft.Extensions.Localization;
using MutualAid.Requests;
using MutualAid.Web.Accounts;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Import;

/// <summary>Checks and runs a CSV import into a hub; its coordinators may.</summary>
public sealed class ImportService(IGrainFactory grains, CurrentUser user, ExportService exports, IStringLocalizer<UiText> text)
{
    private static readonly Type[] Choices = [typeof(RequestCategory), typeof(Urgency), typeof(MutualAid.Offers.OfferKind)];

    /// <summary>
    /// Checks every row, knowing who or what the hub already has when the rows are people or requests
    /// (so a sheet the hub exported, edited and loaded again adds only the new rows).
    /// </summary>
    public async Task<Result<IReadOnlyList<RowError>>> Check(string hub, CsvImportSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await user.Can(Ability.ManageHub, hub)) return Result<IReadOnlyList<RowError>>.Refused(Reason.NotACoordinator, hub);
        var onHub = session.Kind.Identity switch
        {
            RowIdentity.Person => await PeopleOf(hub),
            RowIdentity.Request => await RequestsOf(hub),
            _ => null,
        };
        return Result<IReadOnlyList<RowError>>.Ok(session.Check(hub, user.Actor, onHub, ImportWords.From(text, Choices)));
    }

    public async Task<Result<ImportOutcome>> Run(string hub, CsvImportSession session, IProgress<int> progress)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await user.Can(Ability.ManageHub, hub)) return Result<ImportOutcome>.Refused(Reason.NotACoordinator, hub);
        return Result<ImportOutcome>.Ok(await session.Run(grains, progress, CancellationToken.None));
    }

    /// <summary>The id, phone and email keys of the hub's volunteers, read as its export reads them.</summary>
    private async Task<IReadOnlySet<string>> PeopleOf(string hub) =>
        (await exports.Volunteers(hub))
            .SelectMany(v => RowKey.OfPerson(v.Profile.Contact).Select(k => k.Key).Append(RowKey.OfVolunteer(v.Id, v.Profile.Name))).ToHashSet(StringComparer.Ordinal);

    /// <summary>The reference keys of the requests on the hub's board (the ones its export writes).</summary>
    private async Task<IReadOnlySet<string>> RequestsOf(string hub) =>
        (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests.Select(r => RowKey.OfReference(r.ReferenceCode)).ToHashSet(StringComparer.Ordinal);
}
