using MutualAid.Regions;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>The one state write every command ends with, and the reminders kept in step with it.</summary>
public sealed partial class RequestGrain
{
    private const string DeadlineReminder = "deadline";
    private const string ClaimReminder = "claim";

    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    private Task<Result<RequestView>> Commit(RequestView next, Actor actor, Phrase said, AuditReason reason, Action<RequestState>? alsoChange = null) =>
        Commit(next, actor, [(said, reason)], alsoChange);

    /// <summary>
    /// The whole next state (view, audit lines, deadline and claim marks, and whatever
    /// <paramref name="alsoChange"/> adds) in one write. Reminders it needs are registered before
    /// the write and those it no longer needs removed after, so a crash in between leaves at most a
    /// reminder that finds nothing to do and removes itself. A failed write leaves the live state as
    /// it was.
    /// </summary>
    private async Task<Result<RequestView>> Commit(RequestView next, Actor actor, List<(Phrase Said, AuditReason Reason)> entries, Action<RequestState>? alsoChange = null)
    {
        var now = Now;
        var before = state.State;
        var previous = before.View;
        var first = (previous?.Version ?? 0) + 1;
        // Durable before the write: a crash between it and the board's answer is repaired on restart.
        await Delivery.Arm();
        var upcoming = before.Copy();
        var view = KeepRaised(await WithDeadline(previous, await WithVisit(next) with { Version = first + entries.Count - 1, UpdatedAt = now, LastChangedBy = actor }, now, upcoming));
        upcoming.View = view;
        for (var i = 0; i < entries.Count; i++) upcoming.Audit.Add(new AuditEntry(first + i, now, actor, entries[i].Said, entries[i].Reason.English) { ReasonSaid = entries[i].Reason.Said });
        await AddMessages(upcoming, previous, actor, entries[^1].Reason);
        alsoChange?.Invoke(upcoming);
        upcoming.DeadlineArmed = await ArmBeforeWrite(DeadlineReminder, before.DeadlineArmed, DeadlineDue(previous), DeadlineDue(view));
        upcoming.ClaimArmed = await ArmBeforeWrite(ClaimReminder, before.ClaimArmed, ClaimWake(previous), ClaimWake(view));
        upcoming.ArrivalArmed = await ArmBeforeWrite(ArrivalReminder, before.ArrivalArmed, previous?.Arrival?.Due, view.Arrival?.Due);

        await Write(upcoming);

        if (before.DeadlineArmed && !upcoming.DeadlineArmed) await Unregister(DeadlineReminder);
        if (before.ClaimArmed && !upcoming.ClaimArmed) await Unregister(ClaimReminder);
        if (before.ArrivalArmed && !upcoming.ArrivalArmed) await Unregister(ArrivalReminder);
        // Offered or escalated, the region's inbox holds it until it is taken, met or closed.
        if ((previous?.OfferedToRegion ?? (previous?.Status == RequestStatus.Escalated ? previous.EscalatedTo : null)) is { } region
            && view.OfferedToRegion is null && view.Status != RequestStatus.Escalated)
        {
            await GrainFactory.GetGrain<IRegionGrain>(region).WithdrawEscalation(view.Id);
        }

        if (previous?.RaisedToNetwork == true && !view.RaisedToNetwork)
        {
            await GrainFactory.GetGrain<INetworkGrain>(0).WithdrawNeed(view.Id);
        }

        LogChanged(logger, view.Id, view.Version, view.Status);
        AnnounceToHub();
        return Result<RequestView>.Ok(view);
    }

    private Task Write(RequestState next) => state.WriteOrKeep(next);

    /// <summary>Registers the reminder when it is due at a new time (or was not registered); answers whether it will be armed.</summary>
    private async Task<bool> ArmBeforeWrite(string reminder, bool armed, DateTimeOffset? previousDue, DateTimeOffset? due)
    {
        if (due is not { } at) return false;
        if (previousDue != at || !armed) await Register(reminder, at);
        return true;
    }

    private async Task Register(string reminder, DateTimeOffset due)
    {
        var wait = due - Now;
        // Once due, it keeps ticking at the network's pace (MutualAid:Deadlines:Recheck) until its work is done.
        await this.RegisterOrUpdateReminder(reminder, wait > Soonest ? wait : Soonest, deadlines.Value.Recheck);
    }

    private async Task Unregister(string reminder)
    {
        if (await this.GetReminder(reminder) is { } registered) await this.UnregisterReminder(registered);
    }
}
