using MutualAid.Hubs;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>A request's life from creation to its end: triage, picking up, delivery, cancelling, escalating, reopening.</summary>
public sealed partial class RequestGrain
{
    private static readonly Phrase DidCancel = Phrase.Of("DidCancel", "cancelled this");

    public async Task<Result<RequestView>> Create(NewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (View is not null) return Result<RequestView>.Refused(Reason.AlreadyExists, View.ReferenceCode);

        var errors = request.Validate(Now);
        if (errors.Count > 0) return Result<RequestView>.Invalid(errors);

        var hub = Delivery.Board(request.HubSlug);
        if (await hub.GetSettings() is not { } settings)
        {
            return Result<RequestView>.Invalid(nameof(request.HubSlug), Reason.NoSuchHub, request.HubSlug);
        }

        Remember(request.HubSlug, settings);

        var id = this.GetPrimaryKey();
        var duplicates = await hub.FindDuplicates(DuplicateProbe.For(request.Contact, request.Area, request.Category, id));
        var now = Now;
        // A named area gives the request its spelling and its point; any other place stays as typed, with no point.
        var area = NamedArea.Find(settings.Areas, request.Area);
        var view = new RequestView(
            id, 1, request.HubSlug, RequestStatus.New, request.Category, request.Urgency, area?.Name ?? request.Area.Trim(),
            request.Need.Trim(), request.Contact, request.Source, now, now, request.Actor)
        {
            NeededBy = request.NeededBy,
            Location = request.Location ?? area?.Point,
            AccessibilityNotes = request.AccessibilityNotes,
            PreferredLanguage = LanguageNames.Recorded(request.PreferredLanguage),
            NeedsVehicle = request.NeedsVehicle,
            PossibleDuplicateOf = duplicates.Select(d => d.Request.Id).ToArray(),
            ReferenceCode = ReferenceCode.For(id),
            Series = request.Series,
            MarkedVisit = request.MarkedVisit,
            NeedsTwo = request.NeedsTwo,
        };
        var said = request.Source switch
        {
            RequestSource.PhoneIntake => Phrase.Of("DidCreateByPhone", "created this (phone intake)"),
            RequestSource.PublicForm => Phrase.Of("DidCreateByForm", "created this (public form)"),
            RequestSource.Import => Phrase.Of("DidCreateByImport", "created this (import)"),
            RequestSource.Sms => Phrase.Of("DidCreateBySms", "created this (text message)"),
            _ => Phrase.Of("DidCreate", "created this (member)"),
        };
        var reason = duplicates.Count == 0 ? (request.Source == RequestSource.Sms ? Reason.SmsCameIn.Say() : null)
            : Reason.PossibleDuplicateOf.Say(Reasons.List(duplicates.Select(d =>
                Reason.DuplicateOfBecause.Say(d.Request.ReferenceCode, d.Said ?? AuditEntry.AsWritten(d.Why)))));
        // Before our own write: a crash between the two leaves a code pointing at nothing, which /status reads as not found.
        await GrainFactory.GetGrain<IReferenceCodeGrain>(IReferenceCodeGrain.Key(view.ReferenceCode)).Point(id);
        return await Commit(view, request.Actor, said, reason);
    }

    public async Task<Result<RequestView>> Triage(TriageCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Triage, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (command.Urgency is { } u && !Enum.IsDefined(u)) return Result<RequestView>.Invalid(nameof(command.Urgency), Reason.UnknownUrgency);
        if (command.Category is { } c && !Enum.IsDefined(c)) return Result<RequestView>.Invalid(nameof(command.Category), Reason.UnknownCategory);

        var was = View!;
        var view = was with
        {
            Status = RequestStatus.Triaged,
            Urgency = command.Urgency ?? was.Urgency,
            Category = command.Category ?? was.Category,
        };
        var said = (view.Urgency != was.Urgency, view.Category != was.Category) switch
        {
            (true, true) => Phrase.Of("DidTriageBoth", "triaged this (urgency {0} → {1}, category {2} → {3})", was.Urgency, view.Urgency, was.Category, view.Category),
            (true, false) => Phrase.Of("DidTriageUrgency", "triaged this (urgency {0} → {1})", was.Urgency, view.Urgency),
            (false, true) => Phrase.Of("DidTriageCategory", "triaged this (category {0} → {1})", was.Category, view.Category),
            _ => Phrase.Of("DidTriage", "triaged this"),
        };
        return await Commit(view, command.Actor, said, command.Reason);
    }

    public async Task<Result<RequestView>> Start(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Start, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var assignment = Mine(command);
        // Picked up: the claim has done its job and no longer runs out.
        var accepted = assignment.State == AssignmentState.Offered
            ? assignment with { State = AssignmentState.Accepted, AnsweredAt = Now, ClaimExpiresAt = null }
            : assignment with { ClaimExpiresAt = null };
        var view = InSlot(View!, accepted) with { Status = RequestStatus.InProgress };
        return await Commit(view, command.Actor, HolderPhrase.Of(command.Actor, assignment.VolunteerName, "DidStart", "marked this picked up by {0}", "marked this picked up"), command.Reason);
    }

    public async Task<Result<RequestView>> Fulfil(FulfilCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Fulfil, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (!FulfilCommand.HoursInRange(command.HoursGiven))
        {
            return Result<RequestView>.Invalid(nameof(command.HoursGiven), Reason.HoursOutOfRange, FulfilCommand.MinHours, FulfilCommand.MaxHours);
        }

        // A visit is done when everyone is out safely: "done" must not hide an open safe-arrival timer.
        if (View!.Arrival is { LeftAt: null }) return Result<RequestView>.Refused(Reason.LeaveSafelyFirst);

        var assignment = View.Assignment!;
        var view = View with
        {
            Status = RequestStatus.Fulfilled,
            Assignment = assignment with { State = AssignmentState.Completed, CompletedAt = Now, Hours = command.HoursGiven },
            Partner = View.Partner is { } partner ? partner with { State = AssignmentState.Completed, CompletedAt = Now, Hours = command.HoursGiven } : null,
        };
        var held = View.Assignees;
        var names = string.Join(" & ", held.Select(a => a.VolunteerName));
        return await Commit(view, command.Actor, HolderPhrase.Of(command.Actor, names, "DidDeliver", "marked this delivered by {0}", "marked this delivered"), command.Reason,
            next => { foreach (var one in held) OweEndOfJob(next, one, JobEndKind.Completed, hours: command.HoursGiven); });
    }

    public async Task<Result<RequestView>> Cancel(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Cancel, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), Reason.SayWhyCancelled);
        var held = View!.Assignees;
        return await Commit(Cancelled(View), command.Actor, DidCancel, command.Reason, next => EndJobs(next, held));
    }

    public async Task<Result<RequestView>> Reopen(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Reopen, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), Reason.SayWhyReopened);
        // Its need and history went into the survivor: reopening the copy would put the need on the board twice.
        if (View!.MergedInto is not null) return Result<RequestView>.Refused(Reason.MergedIntoAnother);
        var view = View! with
        {
            Status = RequestStatus.Reopened,
            EscalatedTo = null,
            PastAssignments = [.. View.PastAssignments, .. View.Assignees],
            Assignment = null,
            Partner = null,
        };
        var was = View.Status;
        return await Commit(view, command.Actor, Phrase.Of("DidReopen", "reopened this"), command.Reason, alsoChange: s => s.ReopenedFrom = was);
    }

    public async Task<Result<RequestView>> Escalate(EscalateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Escalate, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (command.RegionSlug is not null && !Slug.IsValid(command.RegionSlug)) return Result<RequestView>.Invalid(nameof(command.RegionSlug), Reason.ChooseRegion);
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), Reason.SayWhyEscalated);
        // Only the hub's own region may take its needs in: its coordinators are the ones who answer for them.
        var region = (await Policy(View!.HubSlug)).Region;
        if (region is null) return Result<RequestView>.Refused(Reason.HubInNoRegion);
        if (command.RegionSlug is { } named && named != region) return Result<RequestView>.Refused(Reason.NotTheHubsRegion, region, named);

        var held = View!.Assignees;
        var view = Withdrawn(View) with { Status = RequestStatus.Escalated, EscalatedTo = region };
        var at = Now;
        // The region's inbox is owed it in the same write that takes it off the board (it is not open there any more).
        var result = await Commit(view, command.Actor, Phrase.Of("DidEscalate", "escalated this to region {0}", region), command.Reason, next =>
        {
            OweEscalation(next, region, new EscalatedRequest(next.View!.Redact(), view.HubSlug, command.Reason, at));
            EndJobs(next, held);
        });
        Diagnostics.GrainMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("by", "person"));
        return result;
    }

    /// <summary>Closed, with whoever held it moved to the history (the caller owes them the end of the job).</summary>
    private RequestView Cancelled(RequestView view) => Withdrawn(view) with { Status = RequestStatus.Cancelled };

    /// <summary>
    /// Nobody holds it any more: whoever did moves to the history, withdrawn (the caller owes them the
    /// end of the job). Cancelling does this, and so does a pair still waiting for its second
    /// volunteer leaving its hub (escalated, moved): the one who took the first place is released,
    /// not left holding time for a need another hub now serves.
    /// </summary>
    private RequestView Withdrawn(RequestView view) => view with
    {
        Assignment = null,
        Partner = null,
        PastAssignments = [.. view.PastAssignments, .. view.Assignees.Select(a => a with { State = AssignmentState.Withdrawn, AnsweredAt = Now })],
    };

    /// <summary>The history with an ended assignment added (unchanged when there was none).</summary>
    private IReadOnlyList<Assignment> Retire(RequestView view, Assignment? ended, AssignmentState how) =>
        ended is null ? view.PastAssignments : [.. view.PastAssignments, ended with { State = how, AnsweredAt = Now }];

    /// <summary>Whoever held it is released with this write (cancelled, erased, or passed on while half held).</summary>
    private static void EndJobs(RequestState next, IEnumerable<Assignment> held)
    {
        foreach (var one in held) OweEndOfJob(next, one, JobEndKind.Released);
    }
}
