using MutualAid.Common;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Import;

/// <summary>Runs a checked CSV import into a hub; its coordinators may.</summary>
public sealed class ImportService(IGrainFactory grains, CurrentUser user)
{
    public async Task<Result<ImportOutcome>> Run(string hub, CsvImportSession session, IProgress<int> progress)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!await user.Can(Ability.ManageHub, hub)) return Result<ImportOutcome>.Refused(Reason.NotACoordinator, hub);
        return Result<ImportOutcome>.Ok(await session.Run(grains, progress, CancellationToken.None));
    }
}
