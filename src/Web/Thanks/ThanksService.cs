using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Thanks;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Thanks;

/// <summary>The hub's month "what we did together": counts only, never who did how much.</summary>
public sealed record TogetherSummary(DateTimeOffset MonthStarting, int RequestsDelivered, double HoursGiven, int ThankYous);

/// <summary>
/// Thank-yous from the board (a hub's coordinators and dispatchers) and the hub's monthly
/// "what we did together", each authorised here on the hub the caller names.
/// </summary>
public sealed class ThanksService(IGrainFactory grains, CurrentUser user, TimeProvider clock)
{
    /// <summary>An organiser thanks the volunteer who delivered <paramref name="request"/>; the note carries the organiser's name.</summary>
    public async Task<Result<ThankYouNote>> FromBoard(string hub, Guid request, string? text) =>
        await user.Can(Ability.SendThanks, hub)
            ? await grains.GetGrain<IRequestGrain>(request).Thank(new ThankCommand(Guid.NewGuid(), ThanksFrom.Organiser, text ?? "", user.Actor) { Hub = hub })
            : Result<ThankYouNote>.Refused(Reason.ThanksNeedsOrganiser);

    /// <summary>This month (in the hub's time zone) on <paramref name="hub"/>, for its members; null for anyone else.</summary>
    public async Task<TogetherSummary?> Together(string hub)
    {
        if (!await user.Can(Ability.ViewBoard, hub)) return null;
        var grain = grains.GetGrain<IHubGrain>(hub);
        var zone = HubZone.Of(await grain.GetSettings());
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var first = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var monthStart = new DateTimeOffset(first, zone.GetUtcOffset(first));
        var board = await grain.GetSnapshot();
        var shares = await Task.WhenAll(board.Volunteers.Select(v => grains.GetGrain<IVolunteerGrain>(v.Id).GetTogetherShare(hub, monthStart)));
        // Added up here, and only the sums leave: the page has no way to show one person's share.
        return new TogetherSummary(monthStart, shares.Sum(s => s.JobsDelivered), shares.Sum(s => s.Hours), shares.Sum(s => s.ThankYous));
    }
}
