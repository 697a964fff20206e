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

    /// <summary>
    /// The board now, when this person may see it (redacted, as every board is, and cut to what an
    /// onlooker may see unless they dispatch for the hub); otherwise null.
    /// </summary>
    public async Task<BoardSnapshot?> Snapshot(string hub)
    {
        if (!await user.Can(Ability.ViewBoard, hub)) return null;
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        return await user.Can(Ability.Dispatch, hub) ? board : board.ForOnlookers();
    }
}
