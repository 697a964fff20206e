using Microsoft.Extensions.Logging;
using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Silo.Hubs;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The truth of one request. Orleans runs one turn at a time here, so the version check, the
/// volunteer reservation and the state write of an assignment form one atomic step: two
/// dispatchers can never both assign. Calls go down to volunteers and up to the hub/region;
/// none of them ever calls a request grain, so no cycle can deadlock.
/// </summary>
public sealed partial class RequestGrain(
    [PersistentState("request")] IPersistentState<RequestState> state,
    TimeProvider clock,
    ILogger<RequestGrain> logger) : Grain, IRequestGrain, IRemindable
{
    private const string DeadlineReminder = "deadline";
    private const string ClaimReminder = "claim";
    private const string RevealKey = "DidSeeContact";

    /// <summary>After the deadline the reminder keeps checking at this pace until the request is taken.</summary>
    private static readonly TimeSpan DeadlineRecheck = TimeSpan.FromMinutes(1);

    private (string Hub, DeadlinePolicy Deadlines, string? Region, ClaimPolicy Claims)? hubPolicy;

    private HubDelivery? delivery;

    private RequestView? View => state.State.View;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Result<RequestView>> Create(NewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (View is not null)
        {
            return Result<RequestView>.Refused($"Request {View.ReferenceCode} already exists.");
        }

        var errors = request.Validate(Now);
        if (errors.Count > 0) return Result<RequestView>.Invalid(errors);

        var hub = GrainFactory.GetGrain<IHubGrain>(request.HubSlug);
        if (await hub.GetSettings() is not { } settings)
        {
            return Result<RequestView>.Invalid(nameof(request.HubSlug), $"There is no hub '{request.HubSlug}'.");
        }

        hubPolicy = (request.HubSlug, settings.Deadlines, settings.RegionSlug, settings.Claims ?? ClaimPolicy.Default);

        var id = this.GetPrimaryKey();
        var duplicates = await hub.FindDuplicates(DuplicateProbe.For(request.Contact, request.Area, request.Category, id));
        var now = Now;
        var view = new RequestView(
            id, 1, request.HubSlug, RequestStatus.New, request.Category, request.Urgency, request.Area.Trim(),
            request.Need.Trim(), request.Contact, request.Source, now, now, request.Actor)
        {
            NeededBy = request.NeededBy,
            Location = request.Location,
            AccessibilityNotes = request.AccessibilityNotes,
            PreferredLanguage = request.PreferredLanguage,
            NeedsVehicle = request.NeedsVehicle,
            PossibleDuplicateOf = duplicates.Select(d => d.Request.Id).ToArray(),
            ReferenceCode = ReferenceCode.For(id),
            Series = request.Series,
        };
        var action = request.Source switch
        {
            RequestSource.PhoneIntake => Phrase.Of("DidCreateByPhone", "created this (phone intake)"),
            RequestSource.PublicForm => Phrase.Of("DidCreateByForm", "created this (public form)"),
            RequestSource.Import => Phrase.Of("DidCreateByImport", "created this (import)"),
            _ => Phrase.Of("DidCreate", "created this (member)"),
        };
        var reason = duplicates.Count == 0 ? null
            : "Possible duplicate of " + string.Join(", ", duplicates.Select(d => $"{d.Request.ReferenceCode} ({d.Why})"));
        return await Commit(view, request.Actor, action, reason);
    }

    public Task<RequestView?> GetView() => Task.FromResult(View);

    public Task<RequestSummary?> GetSummary() => Task.FromResult(View?.Redact());

    /// <summary>This request's trail, with the trails of duplicates merged into it (their actions marked with their reference).</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAudit() => Task.FromResult<IReadOnlyList<AuditEntry>>(
        state.State.MergedAudits.Count == 0
            ? state.State.Audit.ToArray()
            : state.State.Audit.Concat(state.State.MergedAudits.SelectMany(m => m.Value.Select(e => e with { Action = $"[{m.Key}] {e.Action}", Said = e.Said is { } said ? Phrase.Of("FromMerged", "[{0}] {1}", m.Key, said) : null })))
                .OrderBy(e => e.At).ToArray());

    public async Task<Result<RequestView>> AbsorbDuplicate(RequestSummary duplicate, IReadOnlyList<AuditEntry> audit, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(audit);
        if (View is null) return Result<RequestView>.NotFound("There is no such request.");
        if (duplicate.Id == View.Id) return Result<RequestView>.Refused("A request cannot be merged into itself.");
        if (duplicate.HubSlug != View.HubSlug) return Result<RequestView>.Refused("Only requests of the same hub can be merged.");
        if (!View.Redact().IsOpen) return Result<RequestView>.Refused($"{View.ReferenceCode} is {View.Status.ToString().ToLowerInvariant()}; merge into an open request.");
        if (state.State.MergedAudits.ContainsKey(duplicate.ReferenceCode)) return Result<RequestView>.Ok(View); // already taken in

        state.State.MergedAudits[duplicate.ReferenceCode] = [.. audit];
        var view = View with { PossibleDuplicateOf = View.PossibleDuplicateOf.Where(id => id != duplicate.Id).ToArray() };
        try
        {
            return await Commit(view, actor, Phrase.Of("DidAbsorb", "merged duplicate {0} into this", duplicate.ReferenceCode), null);
        }
        catch
        {
            state.State.MergedAudits.Remove(duplicate.ReferenceCode);
            throw;
        }
    }

    public async Task<Result<RequestView>> MarkMerged(MergeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (View?.MergedInto == command.SurvivorId) return Result<RequestView>.Ok(View); // done before
        if (Check(RequestAction.Cancel, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (View!.Assignment is { } held) return Result<RequestView>.Refused($"{held.VolunteerName} holds this one; unassign it first or merge the other way.");
        var view = View with { Status = RequestStatus.Cancelled, MergedInto = command.SurvivorId };
        return await Commit(view, command.Actor, Phrase.Of("DidMergeInto", "merged this into {0}", command.SurvivorReference), "Duplicate");
    }

    public async Task<Result<RequestView>> Triage(TriageCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Triage, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (command.Urgency is { } u && !Enum.IsDefined(u)) return Result<RequestView>.Invalid(nameof(command.Urgency), "Unknown urgency.");
        if (command.Category is { } c && !Enum.IsDefined(c)) return Result<RequestView>.Invalid(nameof(command.Category), "Unknown category.");

        var view = View! with
        {
            Status = RequestStatus.Triaged,
            Urgency = command.Urgency ?? View!.Urgency,
            Category = command.Category ?? View!.Category,
        };
        var action = (view.Urgency != View!.Urgency, view.Category != View.Category) switch
        {
            (true, true) => Phrase.Of("DidTriageBoth", "triaged this (urgency {0} → {1}, category {2} → {3})", View.Urgency, view.Urgency, View.Category, view.Category),
            (true, false) => Phrase.Of("DidTriageUrgency", "triaged this (urgency {0} → {1})", View.Urgency, view.Urgency),
            (false, true) => Phrase.Of("DidTriageCategory", "triaged this (category {0} → {1})", View.Category, view.Category),
            _ => Phrase.Of("DidTriage", "triaged this"),
        };
        return await Commit(view, command.Actor, action, command.Reason);
    }

    public async Task<Result<RequestView>> Assign(AssignCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Assign, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (command.VolunteerId == Guid.Empty) return Result<RequestView>.Invalid(nameof(command.VolunteerId), "Choose a volunteer.");
        if (BadEstimate(command.EstimatedHours) is { } badEstimate) return badEstimate;

        var current = View!;
        var previous = current.Assignment;
        if (previous?.VolunteerId == command.VolunteerId)
        {
            return Result<RequestView>.Refused($"Already assigned to {previous.VolunteerName}.");
        }

        // Reserve first: if the volunteer refuses, nothing here has changed.
        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(command.VolunteerId);
        var overriding = string.IsNullOrWhiteSpace(command.OverrideLimits) ? null : command.OverrideLimits.Trim();
        if (overriding is { Length: > NewRequest.MaxShortText })
        {
            return Result<RequestView>.Invalid(nameof(command.OverrideLimits), $"Keep the reason under {NewRequest.MaxShortText} characters.");
        }

        var reserved = overriding is null
            ? await volunteer.Reserve(current.Id, current.HubSlug, command.EstimatedHours)
            : await volunteer.ReserveOverridingLimits(current.Id, current.HubSlug, command.EstimatedHours, overriding);
        if (!reserved.IsOk) return reserved.As<RequestView>();
        var reservation = reserved.Value!;

        var assignment = new Assignment(command.VolunteerId, reservation.VolunteerName, AssignmentState.Offered, command.Actor, Now, null, null, null)
        {
            EstimatedHours = command.EstimatedHours,
        };
        var view = current with
        {
            Status = RequestStatus.Assigned,
            Assignment = assignment,
            PastAssignments = Retire(current, previous, AssignmentState.Withdrawn),
        };
        var action = (previous, overriding) switch
        {
            (null, null) => Phrase.Of("DidAssign", "assigned this to {0}", reservation.VolunteerName),
            (null, { } why) => Phrase.Of("DidAssignPastLimits", "assigned this to {0}, past their limits ({1})", reservation.VolunteerName, why),
            ({ } before, null) => Phrase.Of("DidReassign", "reassigned this from {0} to {1}", before.VolunteerName, reservation.VolunteerName),
            ({ } before, { } why) => Phrase.Of("DidReassignPastLimits", "reassigned this from {0} to {1}, past their limits ({2})", before.VolunteerName, reservation.VolunteerName, why),
        };

        Result<RequestView> result;
        try
        {
            result = await Commit(view, command.Actor, action, command.Reason);
        }
        catch
        {
            // The state write failed: give the capacity back so nothing is left half done.
            await volunteer.Release(current.Id);
            throw;
        }

        if (previous is not null)
        {
            await GrainFactory.GetGrain<IVolunteerGrain>(previous.VolunteerId).Release(current.Id);
        }

        return result;
    }

    public async Task<Result<RequestView>> Unassign(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Unassign, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = View!.Assignment!;
        // A volunteer dropping their own claim gives it back; a dispatcher taking it away does not.
        var givenBack = assignment is { Claimed: true, State: AssignmentState.Accepted } && assignment.AssignedBy.UserId == command.Actor.UserId;
        var result = await ReturnToTriage(assignment with { State = AssignmentState.Withdrawn, AnsweredAt = Now },
            command.Actor, Phrase.Of("DidUnassign", "unassigned {0}", assignment.VolunteerName), command.Reason, givenBack);
        return result;
    }

    public async Task<Result<RequestView>> Accept(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Accept, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = View!.Assignment!;
        if (assignment.State != AssignmentState.Offered)
        {
            return Result<RequestView>.Refused($"{assignment.VolunteerName} has already accepted this.");
        }

        var claimUntil = Now + (await Policy(View.HubSlug)).Claims.PickUpWithin(View.Urgency);
        var view = View with { Assignment = assignment with { State = AssignmentState.Accepted, AnsweredAt = Now, ClaimExpiresAt = claimUntil } };
        return await Commit(view, command.Actor, Phrase.Of("DidAccept", "accepted this for {0}", assignment.VolunteerName), command.Reason);
    }

    public async Task<Result<RequestView>> Decline(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Decline, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = View!.Assignment!;
        // Declining after accepting (the contact details were theirs to see) is giving it back.
        return await ReturnToTriage(assignment with { State = AssignmentState.Declined, AnsweredAt = Now },
            command.Actor, Phrase.Of("DidDecline", "declined this for {0}", assignment.VolunteerName), command.Reason,
            givenBack: assignment.State == AssignmentState.Accepted);
    }

    public async Task<Result<RequestView>> Start(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Start, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = View!.Assignment!;
        // Picked up: the claim has done its job and no longer runs out.
        var accepted = assignment.State == AssignmentState.Offered
            ? assignment with { State = AssignmentState.Accepted, AnsweredAt = Now, ClaimExpiresAt = null }
            : assignment with { ClaimExpiresAt = null };
        var view = View with { Status = RequestStatus.InProgress, Assignment = accepted };
        return await Commit(view, command.Actor, Phrase.Of("DidStart", "marked this picked up by {0}", assignment.VolunteerName), command.Reason);
    }

    public async Task<Result<RequestView>> Fulfil(FulfilCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Fulfil, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (!FulfilCommand.HoursInRange(command.HoursGiven))
        {
            return Result<RequestView>.Invalid(nameof(command.HoursGiven), $"Say how long it took: between {FulfilCommand.MinHours} and {FulfilCommand.MaxHours} hours.");
        }

        var assignment = View!.Assignment!;
        var view = View with
        {
            Status = RequestStatus.Fulfilled,
            Assignment = assignment with { State = AssignmentState.Completed, CompletedAt = Now, Hours = command.HoursGiven },
        };
        var result = await Commit(view, command.Actor, Phrase.Of("DidDeliver", "marked this delivered by {0}", assignment.VolunteerName), command.Reason);
        await GrainFactory.GetGrain<IVolunteerGrain>(assignment.VolunteerId).Complete(view.Id, command.HoursGiven);
        return result;
    }

    public async Task<Result<RequestView>> Cancel(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Cancel, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), "Say why it is cancelled.");
        var assignment = View!.Assignment;
        var view = View with
        {
            Status = RequestStatus.Cancelled,
            Assignment = null,
            PastAssignments = Retire(View, assignment, AssignmentState.Withdrawn),
        };
        var result = await Commit(view, command.Actor, Phrase.Of("DidCancel", "cancelled this"), command.Reason);
        if (assignment is not null)
        {
            await GrainFactory.GetGrain<IVolunteerGrain>(assignment.VolunteerId).Release(view.Id);
        }

        return result;
    }

    public async Task<Result<RequestView>> Escalate(EscalateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Escalate, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (!Slug.IsValid(command.RegionSlug)) return Result<RequestView>.Invalid(nameof(command.RegionSlug), "Choose a region.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), "Say why this hub cannot meet it.");

        var view = View! with { Status = RequestStatus.Escalated, EscalatedTo = command.RegionSlug };
        var result = await Commit(view, command.Actor, Phrase.Of("DidEscalate", "escalated this to region {0}", command.RegionSlug), command.Reason);
        var region = GrainFactory.GetGrain<IRegionGrain>(command.RegionSlug);
        await region.ReceiveEscalation(new EscalatedRequest(result.Value!.Redact(), view.HubSlug, command.Reason, Now));
        return result;
    }

    public async Task<Result<RequestView>> Reopen(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Reopen, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), "Say why it is reopened.");
        var view = View! with
        {
            Status = RequestStatus.Reopened,
            EscalatedTo = null,
            PastAssignments = View.Assignment is null ? View.PastAssignments : [.. View.PastAssignments, View.Assignment],
            Assignment = null,
        };
        return await Commit(view, command.Actor, Phrase.Of("DidReopen", "reopened this"), command.Reason);
    }

    public async Task<Result<RequestView>> TransferTo(TransferCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Transfer, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var current = View!;
        if (command.ToHubSlug == current.HubSlug) return Result<RequestView>.Refused("The request is already on that hub's board.");
        var target = await GrainFactory.GetGrain<IHubGrain>(command.ToHubSlug).GetSettings();
        if (target is null) return Result<RequestView>.Invalid(nameof(command.ToHubSlug), $"There is no hub '{command.ToHubSlug}'.");
        var region = current.OfferedToRegion ?? (await Policy(current.HubSlug)).Region;
        if (region is null || target.RegionSlug != region)
        {
            return Result<RequestView>.Refused($"Only a hub of region '{region ?? "(none)"}' can take this request.");
        }

        hubPolicy = (command.ToHubSlug, target.Deadlines, target.RegionSlug, target.Claims ?? ClaimPolicy.Default);
        var view = current with { HubSlug = command.ToHubSlug, Status = RequestStatus.Triaged };
        var movedFrom = state.State.MovedFrom;
        state.State.MovedFrom = current.HubSlug;
        var result = await Commit(view, command.Actor, Phrase.Of("DidMove", "moved this from hub {0} to hub {1}", current.HubSlug, command.ToHubSlug), command.Reason);
        if (result.IsOk) AnnounceToHub(alsoTheOneItLeft: true);
        else state.State.MovedFrom = movedFrom;
        return result;
    }

    public async Task CheckDeadline()
    {
        var view = View;
        if (view?.AssignBy is not { } assignBy || state.State.WaitingSince is not { } since)
        {
            await Disarm();
            return;
        }

        var now = Now;
        var window = assignBy - since;
        if (now >= assignBy + window && view.OfferedToRegion is null && (await Policy(view.HubSlug)).Region is { } region)
        {
            var waited = (int)(now - since).TotalMinutes;
            var reason = $"Unassigned for {waited} min, past the hub's deadline.";
            var offered = await Commit(view with { OverdueSince = view.OverdueSince ?? assignBy, OfferedToRegion = region },
                Actor.System, Phrase.Of("DidOfferToRegion", "offered this to region {0}", region), reason);
            await GrainFactory.GetGrain<IRegionGrain>(region)
                .ReceiveEscalation(new EscalatedRequest(offered.Value!.Redact(), view.HubSlug, reason, now));
            await Disarm(); // nothing further happens by the clock; the region takes it from here
        }
        else if (now >= assignBy && view.OverdueSince is null)
        {
            await Commit(view with { OverdueSince = now }, Actor.System, Phrase.Of("DidMarkOverdue", "marked this overdue"),
                $"Not assigned within {window.TotalMinutes:0} min ({view.Urgency}).");
        }
    }

    public async Task<Result<RequestView>> ErasePersonalData(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (View is null) return Result<RequestView>.NotFound("There is no such request.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), "Record why (e.g. the person asked).");
        if (View.Contact.Name == ContactDetails.ErasedName) return Result<RequestView>.Ok(View);
        if (RequestLifecycle.IsOpen(View.Status))
        {
            var cancelled = await Cancel(command with { Reason = "Cancelled to erase personal data: " + command.Reason });
            if (!cancelled.IsOk) return cancelled;
        }

        var tombstone = View! with
        {
            Contact = ContactDetails.Erased,
            Location = null,
            AccessibilityNotes = null,
            PreferredLanguage = null,
            Need = ContactDetails.ErasedName,
            Area = ContactDetails.ErasedName, // a street or estate narrows a person down as well as their address
        };
        state.State.ScrubOnNextWrite = true;
        return await Commit(tombstone, command.Actor, Phrase.Of("DidErase", "erased the personal data in this"), command.Reason);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        DeadlineReminder => CheckDeadline(),
        ClaimReminder => CheckClaim(),
        HubDelivery.ReminderName => Delivery.OnReminder(),
        _ => Task.CompletedTask,
    };

    public async Task<Result<RequestView>> Claim(ClaimCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Assign, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var current = View!;
        if (current.Assignment is { } taken) return Result<RequestView>.Refused($"{taken.VolunteerName} already has this.");
        if (BadEstimate(command.EstimatedHours) is { } badEstimate) return badEstimate;

        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(command.VolunteerId);
        var reserved = await volunteer.ReserveClaim(current.Id, current.HubSlug, command.EstimatedHours);
        if (!reserved.IsOk) return reserved.As<RequestView>();
        var name = reserved.Value!.VolunteerName;
        var claimUntil = Now + (await Policy(current.HubSlug)).Claims.PickUpWithin(current.Urgency);
        var assignment = new Assignment(command.VolunteerId, name, AssignmentState.Accepted, command.Actor, Now, Now, null, null) { ClaimExpiresAt = claimUntil, EstimatedHours = command.EstimatedHours, Claimed = true };
        try
        {
            return await Commit(current with { Status = RequestStatus.Assigned, Assignment = assignment }, command.Actor, Phrase.Of("DidClaim", "claimed this for {0}", name), null);
        }
        catch
        {
            await volunteer.Release(current.Id);
            throw;
        }
    }

    public async Task CheckClaim()
    {
        if (View is not { Status: RequestStatus.Assigned, Assignment: { State: AssignmentState.Accepted, ClaimExpiresAt: { } until } assignment } view)
        {
            await DisarmClaim();
            return;
        }

        if (Now < until)
        {
            await FollowClaim(null, view); // woke early (a clock change): wait again
            return;
        }

        var window = until - (assignment.AnsweredAt ?? assignment.OfferedAt);
        await ReturnToTriage(assignment with { State = AssignmentState.Withdrawn, AnsweredAt = Now, ClaimExpiresAt = null }, Actor.System,
            Phrase.Of("DidLetClaimLapse", "let {0}'s claim lapse", assignment.VolunteerName), $"Not picked up within {window.TotalMinutes:0} min; back on the board.", givenBack: true);
        await GrainFactory.GetGrain<IVolunteerGrain>(assignment.VolunteerId)
            .Tell($"Your claim on {view.ReferenceCode} ({view.Category} in {view.Area}) lapsed: it was not picked up in time and is back on the board.");
    }

    public async Task RecordReveal(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Coalesced per assignment, not per look: one claim is one line whether the page is opened
        // once or reloaded all afternoon, and a new claim (even by the same person) is a new line.
        if (View?.Assignment is not { } assignment) return;
        var key = $"{assignment.VolunteerId:N}@{assignment.OfferedAt.UtcTicks}";
        if (state.State.RevealRecordedFor == key) return;
        var said = Phrase.Of("DidSeeContact", "{0} saw the contact details", assignment.VolunteerName);
        var previous = state.State.RevealRecordedFor;
        state.State.RevealRecordedFor = key;
        state.State.Audit.Add(new AuditEntry(View.Version, Now, actor, said.ToString(), null) { Said = said });
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.RevealRecordedFor = previous;
            state.State.Audit.RemoveAt(state.State.Audit.Count - 1);
            throw;
        }
    }

    /// <summary>Assigning and claiming both reserve the volunteer's time; the estimate must be sensible.</summary>
    private static Result<RequestView>? BadEstimate(double hours) =>
        hours is <= 0 or > 24 || double.IsNaN(hours)
            ? Result<RequestView>.Invalid("EstimatedHours", "Estimate between a few minutes and 24 hours.")
            : null;

    /// <summary>The history with an ended assignment added (unchanged when there was none).</summary>
    private IReadOnlyList<Assignment> Retire(RequestView view, Assignment? ended, AssignmentState how) =>
        ended is null ? view.PastAssignments : [.. view.PastAssignments, ended with { State = how, AnsweredAt = Now }];

    /// <param name="givenBack">
    /// The volunteer had the contact details and let go of the job: the volunteer counts it against
    /// the hub's give-back limit. The request tells the volunteer, never the other way round.
    /// </param>
    private async Task<Result<RequestView>> ReturnToTriage(Assignment ended, Actor actor, Phrase action, string? reason, bool givenBack = false)
    {
        var view = View! with
        {
            Status = RequestStatus.Triaged,
            Assignment = null,
            PastAssignments = [.. View.PastAssignments, ended],
        };
        var result = await Commit(view, actor, action, reason);
        var volunteer = GrainFactory.GetGrain<IVolunteerGrain>(ended.VolunteerId);
        if (givenBack) await volunteer.GiveBack(view.Id, (await Policy(view.HubSlug)).Claims.AllowedGiveBacksPerHour);
        else await volunteer.Release(view.Id);
        return result;
    }

    /// <summary>Existence, actor, staleness, then legality: the first that fails is the answer.</summary>
    private Result<RequestView>? Check(RequestAction action, int expectedVersion, Actor? actor)
    {
        if (View is null) return Result<RequestView>.NotFound("There is no such request.");
        if (actor is null || string.IsNullOrWhiteSpace(actor.UserId)) return Result<RequestView>.Invalid("Actor", "Who is doing this?");
        if (expectedVersion != View.Version && !OnlySystemChangedSince(expectedVersion))
        {
            var last = state.State.Audit.Last(IsChange);
            return Result<RequestView>.Stale(new Conflict(expectedVersion, View.Version, last.Actor, last.Action, last.At) { Said = last.Said });
        }

        return RequestLifecycle.Refusal(action, View.Status) is { } refusal ? Result<RequestView>.Refused(refusal, action, View.Status) : null;
    }

    /// <summary>
    /// Deadline marks set by the clock are not a dispatcher's change of mind, so a command made on
    /// the version just before them is still current.
    /// </summary>
    private bool OnlySystemChangedSince(int expectedVersion) =>
        expectedVersion > 0 && expectedVersion < View!.Version
        && state.State.Audit.Where(a => a.Version > expectedVersion && IsChange(a)).All(a => a.Actor.UserId == Actor.System.UserId);

    /// <summary>Reveals are reads written down, not changes: a conflict never names one.</summary>
    private static bool IsChange(AuditEntry entry) => entry.Said?.Key != RevealKey;

    private async Task<Result<RequestView>> Commit(RequestView next, Actor actor, Phrase action, string? reason)
    {
        var now = Now;
        var version = (View?.Version ?? 0) + 1;
        var previous = state.State.View;
        var previousWaitingSince = state.State.WaitingSince;
        // Durable before the write: a crash between it and the board's answer is repaired on restart.
        await Delivery.Arm();
        var view = await WithDeadline(previous, next with { Version = version, UpdatedAt = now, LastChangedBy = actor }, now);
        state.State.View = view;
        state.State.Audit.Add(new AuditEntry(version, now, actor, action.ToString(), reason) { Said = action });
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.View = previous;
            state.State.WaitingSince = previousWaitingSince;
            state.State.Audit.RemoveAt(state.State.Audit.Count - 1);
            throw;
        }

        await FollowDeadline(previous, view);
        await FollowClaim(previous, view);

        LogChanged(logger, view.Id, version, view.Status);
        AnnounceToHub();
        return Result<RequestView>.Ok(view);
    }

    private static bool Waiting(RequestStatus status) =>
        status is RequestStatus.New or RequestStatus.Triaged or RequestStatus.Reopened;

    /// <summary>
    /// Keeps AssignBy/overdue/offered-to-region consistent with the status: a request that starts
    /// waiting for a volunteer (new, unassigned, reopened, moved hub) starts a fresh deadline; one
    /// that stops waiting has none.
    /// </summary>
    private async Task<RequestView> WithDeadline(RequestView? previous, RequestView next, DateTimeOffset now)
    {
        if (!Waiting(next.Status))
        {
            state.State.WaitingSince = null;
            return next with { AssignBy = null, OverdueSince = null, OfferedToRegion = null };
        }

        var window = (await Policy(next.HubSlug)).Deadlines.AssignWithin(next.Urgency);
        var startsWaiting = previous is null || !Waiting(previous.Status) || previous.HubSlug != next.HubSlug;
        if (startsWaiting || state.State.WaitingSince is null)
        {
            state.State.WaitingSince = now;
            return next with { AssignBy = now + window, OverdueSince = null, OfferedToRegion = null };
        }

        return next with { AssignBy = state.State.WaitingSince + window };
    }

    private async Task FollowDeadline(RequestView? previous, RequestView view)
    {
        if (previous?.OfferedToRegion is { } region && view.OfferedToRegion is null)
        {
            await GrainFactory.GetGrain<IRegionGrain>(region).WithdrawEscalation(view.Id);
        }

        if (view.AssignBy is { } due && (previous?.AssignBy != due || !state.State.DeadlineArmed) && view.OfferedToRegion is null)
        {
            var wait = due - Now;
            await this.RegisterOrUpdateReminder(DeadlineReminder, wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), DeadlineRecheck);
            await SetArmed(true);
        }
        else if (view.AssignBy is null)
        {
            await Disarm();
        }
    }

    /// <summary>Keeps the durable "claim" reminder in step with the claim: armed while one runs, gone otherwise.</summary>
    private async Task FollowClaim(RequestView? previous, RequestView view)
    {
        if (view is { Status: RequestStatus.Assigned, Assignment: { State: AssignmentState.Accepted, ClaimExpiresAt: { } until } })
        {
            if (previous?.Assignment?.ClaimExpiresAt == until && state.State.ClaimArmed) return;
            var wait = until - Now;
            await this.RegisterOrUpdateReminder(ClaimReminder, wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), DeadlineRecheck);
            if (!state.State.ClaimArmed)
            {
                state.State.ClaimArmed = true;
                await state.WriteStateAsync();
            }
        }
        else
        {
            await DisarmClaim();
        }
    }

    private async Task DisarmClaim()
    {
        if (!state.State.ClaimArmed) return;
        if (await this.GetReminder(ClaimReminder) is { } reminder) await this.UnregisterReminder(reminder);
        state.State.ClaimArmed = false;
        await state.WriteStateAsync();
    }

    private async Task Disarm()
    {
        if (!state.State.DeadlineArmed) return;
        if (await this.GetReminder(DeadlineReminder) is { } reminder) await this.UnregisterReminder(reminder);
        await SetArmed(false);
    }

    private async Task SetArmed(bool armed)
    {
        if (state.State.DeadlineArmed == armed) return;
        state.State.DeadlineArmed = armed;
        await state.WriteStateAsync();
    }

    /// <summary>The hub's deadlines and region, read once per activation (and again when the request moves hub).</summary>
    private async Task<(string Hub, DeadlinePolicy Deadlines, string? Region, ClaimPolicy Claims)> Policy(string hub)
    {
        if (hubPolicy is not { } cached || cached.Hub != hub)
        {
            var settings = await GrainFactory.GetGrain<IHubGrain>(hub).GetSettings();
            hubPolicy = cached = (hub, settings?.Deadlines ?? DeadlinePolicy.Default, settings?.RegionSlug, settings?.Claims ?? ClaimPolicy.Default);
        }

        return cached;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Re-announce on activation so a hub projection that missed a one-way notice (crash between
        // write and notice) converges; the hub ignores versions it already has.
        if (View is not null) AnnounceToHub(alsoTheOneItLeft: true);
        return base.OnActivateAsync(cancellationToken);
    }

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    /// <summary>
    /// The hub is a projection: this grain never waits on it, and <see cref="HubDelivery"/> sends
    /// the change again if the board could not keep it. After a move (and on activation, in case a
    /// crash lost that notice) the board it left hears too: it drops the request when it sees the new
    /// hub on the summary; until then two boards would show it. Boards ignore versions they have.
    /// </summary>
    private void AnnounceToHub(bool alsoTheOneItLeft = false)
    {
        IEnumerable<string> hubs = alsoTheOneItLeft && state.State.MovedFrom is { } former && former != View!.HubSlug
            ? [View!.HubSlug, former] : [View!.HubSlug];
        Delivery.Announce(hubs, hub =>
            GrainFactory.GetGrain<IHubGrain>(hub).RequestChanged(new RequestNotice(View!.Redact(), View.Contact.MatchKey())));
    }

    // Ids only: request content and contact details never reach a log line.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request {RequestId} is now v{Version} {Status}")]
    private static partial void LogChanged(ILogger logger, Guid requestId, int version, RequestStatus status);
}
