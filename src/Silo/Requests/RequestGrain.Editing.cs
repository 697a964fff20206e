using MutualAid.Silo.Audit;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>Re-triage: a dispatcher corrects what intake wrote down, in one write with one audit line naming the fields.</summary>
public sealed partial class RequestGrain
{
    public async Task<Result<RequestView>> Edit(EditRequest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Check(RequestAction.Edit, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var errors = command.Changes.Validate(Now, deadlines.Value.Shortest);
        if (errors.Count > 0) return Result<RequestView>.Invalid(errors);

        var was = View!;
        var view = command.Changes.ApplyTo(was);
        if (!view.NeedsTwo && was.Partner is not null) return Result<RequestView>.Refused(Reason.PairIsFull);
        // Asking for a second volunteer puts a job held by one back to waiting for them.
        if (view.NeedsTwo && view.Partner is null && view.Status == RequestStatus.Assigned) view = view with { Status = RequestStatus.Triaged };
        var changed = Changed(was, view);
        if (changed.Count == 0) return Result<RequestView>.Refused(Reason.NothingToChange);

        return await Commit(view, command.Actor, Phrase.Of("DidEdit", "changed {0}", Reasons.List(changed)), command.Changes.Reason);
    }

    /// <summary>The changed fields' names, each a phrase so the audit reads in every reader's language.</summary>
    private static List<Phrase> Changed(RequestView was, RequestView now) =>
        new ChangedFields()
            .Compare(Phrase.Of("FieldUrgency", "urgency"), was.Urgency, now.Urgency)
            .Compare(Phrase.Of("FieldCategory", "category"), was.Category, now.Category)
            .Compare(Phrase.Of("FieldNeed", "need"), was.Need, now.Need)
            .Compare(Phrase.Of("FieldNeededBy", "needed by"), was.NeededBy, now.NeededBy)
            .Compare(Phrase.Of("FieldArea", "area"), was.Area, now.Area)
            .Compare(Phrase.Of("FieldAccessibilityNotes", "accessibility notes"), was.AccessibilityNotes, now.AccessibilityNotes)
            .Compare(Phrase.Of("FieldPreferredLanguage", "preferred language"), was.PreferredLanguage, now.PreferredLanguage)
            .Compare(Phrase.Of("FieldNeedsVehicle", "vehicle needed"), was.NeedsVehicle, now.NeedsVehicle)
            .Compare(Phrase.Of("FieldMarkedVisit", "visit"), was.MarkedVisit, now.MarkedVisit)
            .Compare(Phrase.Of("FieldNeedsTwo", "two volunteers"), was.NeedsTwo, now.NeedsTwo)
            .Compare(Phrase.Of("FieldExpectedVisit", "expected visit length"), was.ExpectedVisit, now.ExpectedVisit)
            .Names;
}
