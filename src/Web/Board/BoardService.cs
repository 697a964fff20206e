using MutualAid.Board;
using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Board;

/// <summary>Reads of a hub's board for pages that show it once rather than live.</summary>
public sealed class BoardService(IGrainFactory grains, CurrentUser user)
{
    public async Task<bool> Exists(string hub) =>
        Slug.IsValid(hub) && await grains.GetGrain<IHubGrain>(hub).GetSummary() is not null;

    /// <summary>The board now, when this person may see it (redacted, as every board is); otherwise null.</summary>
    public async Task<BoardSnapshot?> Snapshot(string hub) =>
        await user.Can(Ability.ViewBoard, hub) ? await grains.GetGrain<IHubGrain>(hub).GetSnapshot() : null;
}
