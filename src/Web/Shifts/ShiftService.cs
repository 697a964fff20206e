using MutualAid.Common;
using MutualAid.Accounts;
using MutualAid.Hubs;
using MutualAid.Shifts;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Shifts;

/// <summary>
/// An organiser's own shift on a hub's board, and for the hub's coordinators who has been on too
/// long this week. Authorised here on the hub the caller names.
/// </summary>
public sealed class ShiftService(IGrainFactory grains, CurrentUser user, TimeProvider clock)
{
    /// <summary>The caller's shift, or null when they keep none on this hub's board (not an organiser there).</summary>
    public async Task<ShiftView?> Mine(string hub) =>
        await user.Can(Ability.KeepShift, hub) && Own() is { } mine ? await mine.GetShift() : null;

    public async Task<Result<ShiftView>> Start(string hub, double plannedHours) =>
        await user.Can(Ability.KeepShift, hub) && Own() is { } mine
            ? await mine.Start(hub, plannedHours)
            : Result<ShiftView>.Refused(Reason.ShiftNeedsOrganiser);

    public async Task<Result<ShiftView>> Finish(string hub) =>
        await user.Can(Ability.KeepShift, hub) && Own() is { } mine
            ? await mine.Finish()
            : Result<ShiftView>.Refused(Reason.ShiftNeedsOrganiser);

    /// <summary>The hub's organisers past its limits this week, for its coordinators; empty for anyone else.</summary>
    public async Task<IReadOnlyList<OrganiserWeek>> OnTooLong(string hub)
    {
        if (!await user.Can(Ability.SeeOrganiserShifts, hub)) return [];
        var limits = (await grains.GetGrain<IHubGrain>(hub).GetSettings())?.ShiftLimits ?? ShiftLimits.Default;
        var organisers = (await grains.GetGrain<IUserDirectoryGrain>(0).List())
            .Where(u => !u.Disabled && u.Roles.Any(r => r.Scope == hub && r.Role is Role.Coordinator or Role.Dispatcher))
            .ToArray();
        var now = clock.GetUtcNow();
        var weeks = await Task.WhenAll(organisers.Select(async u =>
            OrganiserShifts.ThisWeek(u.DisplayName, await grains.GetGrain<IShiftGrain>(IUserGrain.Key(u.Email)).GetShift(), now)));
        return [.. weeks.Where(w => OrganiserShifts.TooLong(w, limits)).OrderByDescending(w => w.HoursThisWeek)];
    }

    private IShiftGrain? Own() => AccountClaims.Email(user.Principal) is { Length: > 0 } email ? grains.GetGrain<IShiftGrain>(IUserGrain.Key(email)) : null;
}
