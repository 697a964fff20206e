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
        var errors = command.Validate(Now);
        if (errors.Count > 0) return Result<RequestView>.Invalid(errors);

        var was = View!;
        var view = was with
        {
            Urgency = command.Urgency ?? was.Urgency,
            Category = command.Category ?? was.Category,
            Need = command.Need?.Trim() ?? was.Need,
            NeededBy = command.ClearNeededBy ? null : command.NeededBy ?? was.NeededBy,
            Area = command.Area?.Trim() ?? was.Area,
            AccessibilityNotes = command.AccessibilityNotes is { } notes ? Blank(notes) : was.AccessibilityNotes,
            PreferredLanguage = command.PreferredLanguage is { } language ? Blank(language) : was.PreferredLanguage,
            NeedsVehicle = command.NeedsVehicle ?? was.NeedsVehicle,
            MarkedVisit = command.MarkedVisit ?? was.MarkedVisit,
            NeedsTwo = command.NeedsTwo ?? was.NeedsTwo,
            ExpectedVisit = command.ExpectedVisit ?? was.ExpectedVisit,
        };
        if (!view.NeedsTwo && was.Partner is not null) return Result<RequestView>.Refused(Reason.PairIsFull);
        // Asking for a second volunteer puts a job held by one back to waiting for them.
        if (view.NeedsTwo && view.Partner is null && view.Status == RequestStatus.Assigned) view = view with { Status = RequestStatus.Triaged };
        var changed = Changed(was, view);
        if (changed.Count == 0) return Result<RequestView>.Refused(Reason.NothingToChange);

        return await Commit(view, command.Actor, Phrase.Of("DidEdit", "changed {0}", Reasons.List(changed)), command.Reason);
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
