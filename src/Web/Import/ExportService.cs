using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Import;

/// <summary>
/// What a hub's CSV exports read: its volunteers and time bank for its coordinators, its open
/// requests for anyone who sees the board, with contact details only for those who may see them.
/// Each answer is empty for anyone else, so the endpoints need not trust their policy alone.
/// </summary>
public sealed class ExportService(IGrainFactory grains, CurrentUser user)
{
    public async Task<IReadOnlyList<VolunteerView>> Volunteers(string hub)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return [];
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        var views = await Task.WhenAll(board.Volunteers.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetView()));
        return views.OfType<VolunteerView>().Where(v => v.Profile.HubSlugs.Contains(hub)).OrderBy(v => v.Profile.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public async Task<IReadOnlyList<TimeBankStatement>> TimeBanks(string hub)
    {
        if (!await user.Can(Ability.ManageHub, hub)) return [];
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        var statements = await Task.WhenAll(board.Volunteers.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetTimeBank(hub, 1)));
        return statements.OfType<TimeBankStatement>().OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>The board's requests, each with its contact when this person may see people's details.</summary>
    public async Task<IReadOnlyList<(RequestSummary Request, ContactDetails? Contact)>> Requests(string hub)
    {
        if (!await user.Can(Ability.ViewBoard, hub)) return [];
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        var mayKnowPeople = await user.Can(Ability.SeePrivate, hub);
        var rows = new List<(RequestSummary, ContactDetails?)>();
        foreach (var summary in board.Requests)
            rows.Add((summary, mayKnowPeople ? (await grains.GetGrain<IRequestGrain>(summary.Id).GetView())?.Contact : null));
        return rows;
    }
}
