using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>Who does the job: assigning (with the volunteer's reservation), accepting, declining and unassigning.</summary>
public sealed partial class RequestGrain
{
    public async Task<Result<RequestView>> Assign(AssignCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Assign, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (command.VolunteerId == Guid.Empty) return Result<RequestView>.Invalid(nameof(command.VolunteerId), Reason.ChooseVolunteer);
        if (BadEstimate(command.EstimatedHours) is { } badEstimate) return badEstimate;

        var current = View!;
        if (current.HeldBy(command.VolunteerId) is { } already) return Result<RequestView>.Refused(Reason.AlreadyAssigned, already.VolunteerName);
        // A pair with a free place takes the new volunteer beside the one there; a full pair only in
        // place of one named. Decided in this turn, so two dispatchers can never make it three.
        Assignment? previous;
        if (!current.NeedsTwo) previous = current.Assignment;
        else if (command.Replacing is { } replacing) previous = current.HeldBy(replacing);
        else previous = current.Assignees.Count < 2 ? null : current.Assignment;
        if (current.NeedsTwo && current.Assignees.Count == 2 && (command.Replacing is null || previous is null))
        {
            return Result<RequestView>.Refused(Reason.PairIsFull);
        }

        var overriding = string.IsNullOrWhiteSpace(command.OverrideLimits) ? null : command.OverrideLimits.Trim();
        if (overriding is { Length: > NewRequest.MaxShortText })
        {
            return Result<RequestView>.Invalid(nameof(command.OverrideLimits), Reason.OverrideTooLong, NewRequest.MaxShortText);
        }

        var screening = await Screen(command.VolunteerId, current, leaving: previous);
        if (Refusal(screening, current.Category, overridden: overriding is not null) is { } refused) return refused;

        // Reserve first: if the volunteer refuses, nothing here has changed.
        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(command.VolunteerId);
        var reserved = overriding is null
            ? await volunteer.Reserve(current.Id, current.HubSlug, command.EstimatedHours)
            : await volunteer.ReserveOverridingLimits(current.Id, current.HubSlug, command.EstimatedHours, overriding);
        if (!reserved.IsOk) return reserved.As<RequestView>();
        var name = reserved.Value!.VolunteerName;

        var assignment = new Assignment(command.VolunteerId, name, AssignmentState.Offered, command.Actor, Now, null, null, null)
        {
            EstimatedHours = command.EstimatedHours,
            ReservedAt = reserved.Value!.ReservedAt,
        };
        var view = Placed(current, previous, assignment) with { PastAssignments = Retire(current, previous, AssignmentState.Withdrawn) };
        var said = (previous, overriding, screening.Missing.Count) switch
        {
            (null, { } why, > 0) => Phrase.Of("DidAssignWithoutChecks", "assigned this to {0} without {1} ({2})", name, string.Join(", ", screening.Missing), why),
            ({ } before, { } why, > 0) => Phrase.Of("DidReassignWithoutChecks", "reassigned this from {0} to {1} without {2} ({3})", before.VolunteerName, name, string.Join(", ", screening.Missing), why),
            (null, null, _) => Phrase.Of("DidAssign", "assigned this to {0}", name),
            (null, { } why, _) => Phrase.Of("DidAssignPastLimits", "assigned this to {0}, past their limits ({1})", name, why),
            ({ } before, null, _) => Phrase.Of("DidReassign", "reassigned this from {0} to {1}", before.VolunteerName, name),
            ({ } before, { } why, _) => Phrase.Of("DidReassignPastLimits", "reassigned this from {0} to {1}, past their limits ({2})", before.VolunteerName, name, why),
        };

        return await CommitReserved(volunteer, reserved.Value!, view, command.Actor, said, command.Reason,
            next => { if (previous is not null) OweEndOfJob(next, previous, JobEndKind.Released); });
    }

    public async Task<Result<RequestView>> Unassign(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Unassign, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        // A dispatcher unassigning a pair takes both off; a volunteer only themselves.
        if (command.AsVolunteer is null && View!.Partner is { } partner)
        {
            var first = View.Assignment!;
            return await ReturnToTriage(new[] { first with { State = AssignmentState.Withdrawn, AnsweredAt = Now }, partner with { State = AssignmentState.Withdrawn, AnsweredAt = Now } },
                command.Actor, Phrase.Of("DidUnassign", "unassigned {0}", $"{first.VolunteerName} & {partner.VolunteerName}"), command.Reason, givenBack: false);
        }

        var assignment = Mine(command);
        // A volunteer dropping their own claim gives it back; a dispatcher taking it away does not.
        var givenBack = assignment is { Claimed: true, State: AssignmentState.Accepted } && assignment.AssignedBy.UserId == command.Actor.UserId;
        return await ReturnToTriage(assignment with { State = AssignmentState.Withdrawn, AnsweredAt = Now },
            command.Actor, Phrase.Of("DidUnassign", "unassigned {0}", assignment.VolunteerName), command.Reason, givenBack);
    }

    public async Task<Result<RequestView>> Accept(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Accept, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = Mine(command);
        if (assignment.State != AssignmentState.Offered) return Result<RequestView>.Refused(Reason.AlreadyAccepted, assignment.VolunteerName);

        var claimUntil = Now + (await Policy(View!.HubSlug)).Claims.For(View.Urgency);
        var view = InSlot(View, assignment with { State = AssignmentState.Accepted, AnsweredAt = Now, ClaimExpiresAt = claimUntil });
        return await Commit(view, command.Actor, HolderPhrase.Of(command.Actor, assignment.VolunteerName, "DidAccept", "accepted this for {0}", "accepted this"), command.Reason);
    }

    public async Task<Result<RequestView>> Decline(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Decline, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = Mine(command);
        // Declining after accepting (the contact details were theirs to see) is giving it back.
        return await ReturnToTriage(assignment with { State = AssignmentState.Declined, AnsweredAt = Now },
            command.Actor, HolderPhrase.Of(command.Actor, assignment.VolunteerName, "DidDecline", "declined this for {0}", "declined this"), command.Reason,
            givenBack: assignment.State == AssignmentState.Accepted);
    }

    /// <summary>Assigning and claiming both reserve the volunteer's time; the estimate must be sensible.</summary>
    private static Result<RequestView>? BadEstimate(double hours) =>
        hours is <= 0 or > 24 || double.IsNaN(hours)
            ? Result<RequestView>.Invalid("EstimatedHours", Reason.EstimateOutOfRange)
            : null;

    /// <summary>
    /// Writes a change the volunteer has already reserved time for, giving the time back if the write
    /// fails. The notice carries the volunteer's new row when they gave it (one board delta for both).
    /// </summary>
    private async Task<Result<RequestView>> CommitReserved(IVolunteerGrain volunteer, Reservation reserved, RequestView view, Actor actor, Phrase said, string? reason, Action<RequestState>? alsoChange = null)
    {
        IReadOnlyList<VolunteerSummary> rows = reserved.Volunteer is { } row ? [row] : [];
        var versionBefore = View!.Version;
        try
        {
            return await Commit(view, actor, said, reason, alsoChange, carrying: rows);
        }
        catch when (View?.Version == versionBefore)
        {
            // Only when the write itself failed: the request is as it was, so the volunteer's time is
            // theirs again. Once the write is kept the request holds the volunteer, and releasing them
            // would let their limits stop counting this job.
            await volunteer.Release(view.Id);
            throw;
        }
    }

    /// <param name="givenBack">
    /// The volunteer had the contact details and let go of the job: the volunteer counts it against
    /// the hub's give-back limit. The request tells the volunteer, never the other way round.
    /// </param>
    private Task<Result<RequestView>> ReturnToTriage(Assignment ended, Actor actor, Phrase said, AuditReason reason, bool givenBack = false, Action<RequestState>? alsoChange = null) =>
        ReturnToTriage([ended], actor, said, reason, givenBack, alsoChange);

    /// <summary>The other volunteer of a pair, if they stay, keeps their place and waits for a new partner.</summary>
    private async Task<Result<RequestView>> ReturnToTriage(IReadOnlyList<Assignment> ended, Actor actor, Phrase said, AuditReason reason, bool givenBack, Action<RequestState>? alsoChange = null)
    {
        var staying = View!.Assignees.Where(a => ended.All(e => e.VolunteerId != a.VolunteerId)).ToArray();
        var view = View with
        {
            // A lone claim lapsing from a pair still waiting leaves it as it waited: nobody triaged it.
            Status = RequestLifecycle.IsWaiting(View.Status) ? View.Status : RequestStatus.Triaged,
            Assignment = staying.FirstOrDefault(),
            Partner = null,
            PastAssignments = [.. View.PastAssignments, .. ended],
        };
        var perHour = givenBack ? (await Policy(view.HubSlug)).GiveBacksPerHour : 0;
        return await Commit(view, actor, said, reason, next =>
        {
            alsoChange?.Invoke(next);
            foreach (var one in ended) OweEndOfJob(next, one, givenBack ? JobEndKind.GivenBack : JobEndKind.Released, giveBacksPerHour: perHour);
        });
    }

    /// <summary>The assignment the command is about: the calling volunteer's own (first or partner), else the first.</summary>
    private Assignment Mine(RequestCommand command) =>
        command.AsVolunteer is { } self && View!.HeldBy(self) is { } own ? own : View!.Assignment!;

    /// <summary>The view with <paramref name="changed"/> in the place its volunteer holds.</summary>
    private static RequestView InSlot(RequestView view, Assignment changed) =>
        view.Partner?.VolunteerId == changed.VolunteerId ? view with { Partner = changed } : view with { Assignment = changed };

    /// <summary>
    /// <paramref name="added"/> in place of <paramref name="replaced"/> (or in the free place of a
    /// pair); "assigned" only once everyone the job needs is there, else it keeps waiting ("1 of 2").
    /// </summary>
    private static RequestView Placed(RequestView view, Assignment? replaced, Assignment added)
    {
        var placed = replaced is not null && view.Partner?.VolunteerId == replaced.VolunteerId ? view with { Partner = added }
            : replaced is not null || view.Assignment is null ? view with { Assignment = added }
            : view with { Partner = added };
        if (!view.NeedsTwo || placed.Partner is not null) return placed with { Status = RequestStatus.Assigned };
        return placed with { Status = RequestLifecycle.IsWaiting(view.Status) ? view.Status : RequestStatus.Triaged };
    }
}
