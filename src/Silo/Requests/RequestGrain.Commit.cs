using Microsoft.Extensions.Logging;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>The one state write every command ends with, and the reminders kept in step with it.</summary>
public sealed partial class RequestGrain
{
    private const string DeadlineReminder = "deadline";
    private const string ClaimReminder = "claim";

    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    private Task<Result<RequestView>> Commit(RequestView next, Actor actor, Phrase said, AuditReason reason, Action<RequestState>? alsoChange = null, IReadOnlyList<VolunteerSummary>? carrying = null) =>
        Commit(next, actor, [(said, reason)], alsoChange, carrying);

    /// <summary>
    /// The whole next state (view, audit lines, deadline and claim marks, and whatever
    /// <paramref name="alsoChange"/> adds) in one write. Reminders it needs are registered before
    /// the write and those it no longer needs removed after, so a crash in between leaves at most a
    /// reminder that finds nothing to do and removes itself. A failed write leaves the live state as
    /// it was.
    /// </summary>
    /// <param name="carrying">
    /// The rows of the volunteers this change reserved: the notice to the request's hub carries them
    /// (and those of volunteers whose completed jobs it hands over before the boards hear), so the
    /// hub shows request and volunteers in one delta.
    /// </param>
    private async Task<Result<RequestView>> Commit(RequestView next, Actor actor, List<(Phrase Said, AuditReason Reason)> entries, Action<RequestState>? alsoChange = null, IReadOnlyList<VolunteerSummary>? carrying = null)
    {
        // A typed reason is stored in the audit for good, once per change: bounded and clean like any
        // field, or cancel-and-reopen would let one caller grow a request's history without end.
        var typed = new List<FieldError>();
        foreach (var (_, reason) in entries) Text.Optional(typed, "Reason", reason.Typed, VersionedCommand.MaxReason, multiLine: true);
        if (typed.Count > 0) return Result<RequestView>.Invalid(typed);

        var now = Now;
        var before = state.State;
        var previous = before.View;
        var first = (previous?.Version ?? 0) + 1;
        var upcoming = before.Copy();
        var view = KeepRaised(await WithDeadline(previous, await WithVisit(next) with { Version = first + entries.Count - 1, UpdatedAt = now, LastChangedBy = actor }, now, upcoming));
        upcoming.View = view;
        for (var i = 0; i < entries.Count; i++) upcoming.Audit.Add(new AuditEntry(first + i, now, actor, entries[i].Said, entries[i].Reason.English) { ReasonSaid = entries[i].Reason.Said });
        await AddMessages(upcoming, previous, actor, entries[^1].Reason);
        OweWithdrawals(previous, upcoming);
        alsoChange?.Invoke(upcoming);
        // Every reminder the write relies on is registered before it, all at once: each is a round
        // trip to the reminder service, and the board hears of the change only after the write.
        // The notice's is durable before the write, so a crash between it and the board's answer
        // is repaired on restart.
        var notice = Delivery.Arm();
        var deadline = ArmBeforeWrite(DeadlineReminder, before.DeadlineArmed, DeadlineDue(previous), DeadlineDue(view));
        var claim = ArmBeforeWrite(ClaimReminder, before.ClaimArmed, ClaimWake(previous), ClaimWake(view));
        var arrival = ArmBeforeWrite(ArrivalReminder, before.ArrivalArmed, previous?.Arrival?.Due, view.Arrival?.Due);
        await Task.WhenAll(notice, deadline, claim, arrival);
        upcoming.DeadlineArmed = await deadline;
        upcoming.ClaimArmed = await claim;
        upcoming.ArrivalArmed = await arrival;

        await Write(upcoming);
        // What this write owes the region, the network and volunteers is handed over below, by this
        // command: they call no request, so awaiting them cannot cycle. A series does call its
        // occurrences (it may be waiting on this very request), so what it is owed goes with the
        // announcement, never awaited here.
        var owed = upcoming.Upstream.Where(n => !before.Upstream.Exists(b => b.Key == n.Key) && UpstreamNotice.SeriesOf(n.Target) is null)
            .Select(n => n.Target).ToArray();
        upstreamInHand.UnionWith(owed);
        // Jobs end before the boards hear (a job is banked only for a delivery that was kept), so the
        // volunteers' new rows go in the same delta; one whose store is down hears it again later.
        var rows = new List<VolunteerSummary>(carrying ?? []);
        await Delivery.HandNow([.. owed.Where(t => UpstreamNotice.VolunteerOf(t) is not null)], async target =>
        {
            if (await HandEndOfJob(target) is { } row) rows.Add(row);
        }, upstreamInHand);

        // The boards hear as soon as the change is kept, not after the clean-up below: a reminder
        // removed or an escalation withdrawn is not theirs to wait for (two of the lifecycle's five
        // commands remove a reminder, two round trips each), and a clean-up that fails no longer
        // leaves a kept change unannounced.
        LogChanged(logger, view.Id, view.Version, view.Status);
        AnnounceToHub(carrying: rows);

        // The change is kept: what follows is clean-up, and its failure must not turn a kept change
        // into an error (an assigning caller would give back time the request now holds). A reminder
        // left behind finds nothing to do on its tick and removes itself; what the region and network
        // are owed is handed again until they answer.
        await CleanUp(() => before.DeadlineArmed && !upcoming.DeadlineArmed ? Unregister(DeadlineReminder) : Task.CompletedTask);
        await CleanUp(() => before.ClaimArmed && !upcoming.ClaimArmed ? Unregister(ClaimReminder) : Task.CompletedTask);
        await CleanUp(() => before.ArrivalArmed && !upcoming.ArrivalArmed ? Unregister(ArrivalReminder) : Task.CompletedTask);
        await Delivery.HandNow([.. owed.Where(t => UpstreamNotice.VolunteerOf(t) is null)], TellUpstream, upstreamInHand);
        return Result<RequestView>.Ok(view);
    }

    /// <summary>A step after the write: a failure is logged, not answered (the change it follows is kept).</summary>
    private Task<bool> CleanUp(Func<Task> step) => AfterWrite.Try(step, logger, this.GetPrimaryKey().ToString());

    private Task Write(RequestState next)
    {
        KeepOutboxes(next);
        next.Upstream.RemoveAll(n => upstreamHeard.Contains(n.Key));
        return state.WriteOrKeep(next);
    }

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
