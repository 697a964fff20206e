using MutualAid.Requests;
using MutualAid.Silo.Audit;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Erasing a person from a request: it closes if open and keeps only a tombstone, in one write the
/// store scrubs. The region, the network and the series it came from hear after that write.
/// </summary>
public sealed partial class RequestGrain
{
    public async Task<Result<RequestView>> ErasePersonalData(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Unfit<RequestView>(command, []) is { } unfit) return unfit;
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), Reason.SayWhyErased);
        if (View!.Contact.Name == ContactDetails.ErasedName) return Result<RequestView>.Ok(View);

        var current = View;
        // Both places of a pair: Cancelled() empties them, and each volunteer's reservation must go.
        IReadOnlyList<Assignment> held = current.Assignees;
        List<(Phrase Said, AuditReason Reason)> entries = [];
        // Escalated is not open, but it still waits, on the region: it closes too, or its region would
        // go on offering a need nobody can meet. Reopen is what the table allows from there, so its
        // check is the one that holds (reach and version) for it.
        var escalated = current.Status == RequestStatus.Escalated;
        if (RequestLifecycle.IsOpen(current.Status) || escalated)
        {
            if (Check(escalated ? RequestAction.Reopen : RequestAction.Cancel, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
            current = Cancelled(current);
            entries.Add((DidCancel, Reason.CancelledToErase.Say(command.Reason)));
        }
        else
        {
            held = []; // closed: nobody holds time for it any more
        }

        entries.Add((Phrase.Of("DidErase", "erased the personal data in this"), command.Reason));
        var tombstone = current with
        {
            Contact = ContactDetails.Erased,
            Location = null,
            AccessibilityNotes = null,
            PreferredLanguage = null,
            Need = ContactDetails.ErasedName,
            Area = ContactDetails.ErasedName, // a street or estate narrows a person down as well as their address
            EscalatedTo = null,
            OfferedToRegion = null,
            RaisedToNetwork = false,
        };
        var regions = await RegionsThatMayHold(View);
        var earlier = state.State.Outgoing.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var result = await Commit(tombstone, command.Actor, entries, next =>
        {
            next.ScrubOnNextWrite = true;
            next.Notes = []; // what was said on the phone is as personal as the number
            // Messages decided before and not yet handed hold the area: they never go. The outboxes
            // that were handed some forget them (OutboxGrain.Forget), told as the boards are.
            next.Outgoing = [.. next.Outgoing.Where(m => !earlier.Contains(m.Key))];
            next.ErasedVersion = next.View!.Version;
            next.OutboxErasures = [.. next.OutboxHubs.Append(next.View.HubSlug).Concat(next.MovedFrom is { } left ? [left] : []).Distinct(StringComparer.Ordinal)];
            // The region's inbox and the network's list show the need, area, rough location and
            // language to every hub of the region (and every region): whatever this request was, each
            // is owed its withdrawal, in place of anything still owed to it. A withdrawal of what a
            // receiver does not hold changes nothing there.
            foreach (var region in regions) OweWithdrawal(next, region);
            Owe(next, new UpstreamNotice(UpstreamNotice.Network, next.View.Version));
            // A repeating request keeps the whole request as its template and would make the next
            // occurrence from it (and text the person again): its series is owed the erasure too.
            if (current.Series is { } series) Owe(next, new UpstreamNotice(UpstreamNotice.Series(series.SeriesId), next.View.Version, ErasedBy: command.Actor));
            EndJobs(next, held);
        });
        return result;
    }

    public async Task<Result<RequestView>> ForgetVolunteer(ForgetVolunteer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (View is null) return Result<RequestView>.NotFound(Reason.NoSuchRequest);
        var names = Unnaming.WithFirstNames(command.Names);
        if (RequestLifecycle.IsOpen(View.Status) && View.HeldBy(command.VolunteerId) is not null)
        {
            return Result<RequestView>.Refused(Reason.HoldsAssignments, names.FirstOrDefault() ?? ContactDetails.ErasedName, 1);
        }

        var accounts = command.AccountIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var erasedActor = new Actor("erased", ContactDetails.ErasedName);
        bool Theirs(Actor actor) => accounts.Contains(actor.UserId);
        bool Names(Phrase said) => said.ToString() != names.Aggregate(said, Unnaming.Unnamed).ToString();
        bool NamesWhy(Phrase why) => Names(why) || Unnaming.Mentions(why, names);
        bool Mine(Assignment a) => a.VolunteerId == command.VolunteerId && a.VolunteerName != ContactDetails.ErasedName;
        Assignment? Unname(Assignment? a) => a is null ? null : a with
        {
            VolunteerName = Mine(a) ? ContactDetails.ErasedName : a.VolunteerName,
            AssignedBy = Theirs(a.AssignedBy) ? erasedActor : a.AssignedBy, // they claimed it
        };
        AuditEntry Scrub(AuditEntry e) => e with
        {
            Actor = Theirs(e.Actor) ? erasedActor : e.Actor,
            Said = names.Aggregate(e.Said, Unnaming.Unnamed),
            Reason = Unnaming.InText(e.Reason, names),
            ReasonSaid = e.ReasonSaid is { } why ? Unnaming.UnnamedReason(names.Aggregate(why, Unnaming.Unnamed), names) : null,
        };
        CaseNote Unwrite(CaseNote n) => n with { By = Theirs(n.By) ? erasedActor : n.By, Text = Unnaming.InText(n.Text, names)! };

        // Records compare their phrases' argument lists by reference, so what is left is found by content.
        var audits = state.State.MergedAudits.Values.SelectMany(a => a).Concat(state.State.Audit);
        var found = new[] { View.Assignment, View.Partner }.OfType<Assignment>().Concat(View.PastAssignments).Any(a => Mine(a) || Theirs(a.AssignedBy))
            || audits.Any(e => Theirs(e.Actor) || Names(e.Said) || e.ReasonSaid is { } why && NamesWhy(why) || e.Reason != Unnaming.InText(e.Reason, names))
            || state.State.Notes.Any(n => n != Unwrite(n))
            || state.State.Outgoing.Any(m => Unnaming.Mentions(m.Said, names));
        if (!found) return Result<RequestView>.Ok(View);

        var unnamed = View with
        {
            Assignment = Unname(View.Assignment),
            Partner = Unname(View.Partner),
            PastAssignments = [.. View.PastAssignments.Select(a => Unname(a)!)],
        };
        var scrubbed = state.State.Audit.Select(Scrub).ToList();
        var merged = state.State.MergedAudits.ToDictionary(p => p.Key, p => p.Value.Select(Scrub).ToList());
        var notes = state.State.Notes.Select(Unwrite).ToList();

        // A change like any other (the board may show an assignee's name): a new version, told to
        // the boards, and a line saying who took the name out. The store scrubs what it kept before.
        return await Commit(unnamed, command.Actor, Phrase.Of("DidForgetVolunteer", "took an erased volunteer's name out of this"), (string?)null, next =>
        {
            next.Audit = [.. scrubbed, .. next.Audit.Skip(scrubbed.Count)];
            next.MergedAudits = merged;
            next.Notes = notes;
            // Messages decided and not yet handed to the outbox ("Zephyrine is on her way") never
            // go, as the outbox forgets those it holds (OutboxGrain.ForgetNamed).
            next.Outgoing = [.. next.Outgoing.Where(m => !Unnaming.Mentions(m.Said, names))];
            next.ScrubOnNextWrite = true;
        });
    }

    /// <summary>
    /// Every region whose inbox may hold this request: the one it was escalated or offered to, and
    /// its hub's (a safe-arrival alarm escalates there, and a request kept before withdrawals were
    /// written down may have lost one).
    /// </summary>
    private async Task<IReadOnlyList<string>> RegionsThatMayHold(RequestView view)
    {
        string?[] named = [view.EscalatedTo, view.OfferedToRegion, (await Policy(view.HubSlug)).Region];
        return [.. named.OfType<string>().Distinct(StringComparer.Ordinal)];
    }
}
