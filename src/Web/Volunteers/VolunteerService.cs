using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Volunteers;

/// <summary>How much of a volunteer's page this viewer may see.</summary>
public enum VolunteerPageAccess
{
    /// <summary>Nothing, and not even whether the volunteer exists.</summary>
    None,
    /// <summary>A dispatcher of one of their hubs: skills, languages, vehicle, load, availability; no contact, no location, no notices.</summary>
    Dispatcher,
    /// <summary>A coordinator of one of their hubs: everything, and may leave them a message.</summary>
    Coordinator,
    /// <summary>The volunteer themself.</summary>
    Self,
}

/// <summary>
/// Everything pages do with a volunteer, each call authorised here on the server: their own
/// profile, who may see their page and how much, and a coordinator's message to them.
/// </summary>
public sealed class VolunteerService(IGrainFactory grains, CurrentUser user, Access access, TimeProvider clock)
{
    public const int MaxMessage = 500;

    /// <summary>The page as this viewer may see it: private fields are gone before it reaches a component for a dispatcher.</summary>
    public async Task<(VolunteerView? View, VolunteerPageAccess Access)> Page(Guid volunteerId)
    {
        var view = await grains.GetGrain<IVolunteerGrain>(volunteerId).GetView();
        if (view is null) return (null, VolunteerPageAccess.None);
        var (level, hubs) = await AccessTo(view);
        return level switch
        {
            VolunteerPageAccess.None => (null, level),
            VolunteerPageAccess.Dispatcher => (view.ForStaffOf(hubs) with { Profile = view.Profile with { Contact = null, Location = null }, Notices = [] }, level),
            // The same cut as the hub's download of the volunteer, so the two cannot drift apart.
            VolunteerPageAccess.Coordinator => (view.ForStaffOf(hubs), level),
            _ => (view, level),
        };
    }

    private async Task<string> FirstHubCoordinated(VolunteerView view)
    {
        foreach (var hub in view.Profile.HubSlugs)
        {
            if (await access.Can(user.Principal, Ability.ManageHub, hub)) return hub;
        }

        return view.Profile.HubSlugs[0];
    }

    /// <summary>How much this viewer may see, and of which of the volunteer's hubs they are staff.</summary>
    private async Task<(VolunteerPageAccess Level, IReadOnlyCollection<string> Hubs)> AccessTo(VolunteerView view)
    {
        if (user.VolunteerId == view.Id) return (VolunteerPageAccess.Self, view.Profile.HubSlugs);
        var level = VolunteerPageAccess.None;
        var hubs = new List<string>();
        foreach (var hub in view.Profile.HubSlugs)
        {
            var here = await access.Can(user.Principal, Ability.ManageHub, hub) ? VolunteerPageAccess.Coordinator
                : await access.Can(user.Principal, Ability.Dispatch, hub) ? VolunteerPageAccess.Dispatcher
                : VolunteerPageAccess.None;
            if (here == VolunteerPageAccess.None) continue;
            hubs.Add(hub);
            if (here > level) level = here;
        }

        return (level, hubs);
    }

    /// <summary>The time bank, for the volunteer and their coordinators only (the board shows dispatchers the week's hours).</summary>
    public async Task<TimeBankStatement?> TimeBank(Guid volunteerId)
    {
        var (view, level) = await Page(volunteerId);
        return view is not null && level >= VolunteerPageAccess.Coordinator ? await grains.GetGrain<IVolunteerGrain>(volunteerId).GetTimeBank(null, 4) : null;
    }

    /// <summary>The signed-in person's own volunteer, or null when their account has none.</summary>
    public async Task<VolunteerView?> Own() =>
        user.VolunteerId is { } me ? await grains.GetGrain<IVolunteerGrain>(me).GetView() : null;

    /// <summary>The signed-in person's account email (the account's id), which their own profile may offer.</summary>
    public string? AccountEmail => AccountClaims.Email(user.Principal);

    /// <summary>
    /// Saves the volunteer's own profile. Which hubs they belong to is not theirs to change here:
    /// the grain's hubs are kept whatever the form said.
    /// </summary>
    public async Task<Result<VolunteerView>> SaveOwn(VolunteerProfile edited, bool onDuty)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (user.VolunteerId is not { } me) return Result<VolunteerView>.Refused(Reason.NotAVolunteerAccount);
        var grain = grains.GetGrain<IVolunteerGrain>(me);
        if (await grain.GetView() is not { } current) return Result<VolunteerView>.NotFound(Reason.NoSuchVolunteer);
        var saved = await grain.UpdateProfile(edited with { HubSlugs = current.Profile.HubSlugs }, user.Actor);
        if (!saved.IsOk || saved.Value!.OnDuty == onDuty) return saved;
        return await grain.SetOnDuty(onDuty, user.Actor);
    }

    /// <summary>On or off duty: the volunteer themself, or a coordinator of one of their hubs.</summary>
    public async Task<Result<VolunteerView>> SetOnDuty(Guid volunteerId, bool onDuty)
    {
        var (view, level) = await Page(volunteerId);
        return view is not null && level >= VolunteerPageAccess.Coordinator
            ? await grains.GetGrain<IVolunteerGrain>(volunteerId).SetOnDuty(onDuty, user.Actor)
            : Result<VolunteerView>.Refused(Reason.CannotChangeDuty);
    }

    /// <summary>A coordinator of one of the volunteer's hubs leaves them a message; it shows on their page at once.</summary>
    public async Task<Result<bool>> SendMessage(Guid volunteerId, string? message)
    {
        var text = message?.Trim();
        if (string.IsNullOrEmpty(text)) return Result<bool>.Invalid("Message", Reason.MessageEmpty);
        if (text.Length > MaxMessage) return Result<bool>.Invalid("Message", Reason.MessageTooLong, MaxMessage);
        var (view, level) = await Page(volunteerId);
        if (view is null || level != VolunteerPageAccess.Coordinator) return Result<bool>.Refused(Reason.MessageNeedsCoordinator);
        // The message goes out through the outbox of a hub this coordinator runs (its coordinators see it there).
        var hub = await FirstHubCoordinated(view);
        await grains.GetGrain<IVolunteerGrain>(volunteerId).Tell(hub, user.Actor, text);
        return Result<bool>.Ok(true);
    }

    /// <summary>
    /// Lets a volunteer whose claiming was held (too many claims given back) claim again. A
    /// coordinator of one of the volunteer's hubs may; the volunteer's trail keeps who did.
    /// </summary>
    public async Task<Result<VolunteerView>> ClearClaimsHold(Guid volunteerId)
    {
        var (_, level) = await Page(volunteerId);
        return level == VolunteerPageAccess.Coordinator
            ? await grains.GetGrain<IVolunteerGrain>(volunteerId).ClearClaimsHold(user.Actor)
            : Result<VolunteerView>.Refused(Reason.ClearHoldNeedsCoordinator);
    }

    /// <summary>Each volunteer's time bank on this hub over the last weeks, for its coordinators (empty for anyone else).</summary>
    public async Task<IReadOnlyList<TimeBankStatement>> HubTimeBanks(string hub, int weeks)
    {
        if (!await access.Can(user.Principal, Ability.ManageHub, hub)) return [];
        var board = await grains.GetGrain<IHubGrain>(hub).GetSnapshot();
        var now = clock.GetUtcNow();
        // Only those whose row says they may have something here are asked: the rest read as nothing.
        var loaded = await Task.WhenAll(board.Volunteers.Select(v => v.MayHaveHoursIn(hub)
            ? grains.GetGrain<IVolunteerGrain>(v.Id).GetTimeBank(hub, weeks)
            : Task.FromResult<TimeBankStatement?>(TimeBankStatement.Nothing(v.Id, v.Name, weeks, now))));
        return loaded.OfType<TimeBankStatement>().ToArray();
    }

    /// <summary>The volunteer's assignments they hold now, with the estimate each was reserved for.</summary>
    public async Task<IReadOnlyList<(RequestView Request, double EstimatedHours)>> Assignments(VolunteerView volunteer)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        var list = new List<(RequestView, double)>();
        foreach (var reservation in volunteer.Reservations)
        {
            if (await grains.GetGrain<IRequestGrain>(reservation.RequestId).GetView() is { } view && view.HeldBy(volunteer.Id) is { } held)
            {
                list.Add((view, held.EstimatedHours ?? reservation.EstimatedHours));
            }
        }

        return list;
    }
}
