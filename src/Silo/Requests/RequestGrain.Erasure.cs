using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>Erasing a person from a request: it closes if open and keeps only a tombstone, in one write the store scrubs.</summary>
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
        if (RequestLifecycle.IsOpen(current.Status))
        {
            if (Check(RequestAction.Cancel, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
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
        };
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
        });
        foreach (var one in held) await Release(one);
        return result;
    }
}
