using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Duplicates: the survivor takes in the duplicate's trail and the duplicate closes as merged
/// into it. The survivor answers for both trails from then on.
/// </summary>
public sealed partial class RequestGrain
{
    /// <summary>This request's trail, with the trails of duplicates merged into it (their actions marked with their reference).</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAudit() => Task.FromResult<IReadOnlyList<AuditEntry>>(
        state.State.MergedAudits.Count == 0
            ? state.State.Audit.ToArray()
            : state.State.Audit
                .Concat(state.State.MergedAudits.SelectMany(m => m.Value.Select(e => e with { Said = Phrase.Of("FromMerged", "[{0}] {1}", m.Key, e.Said) })))
                .OrderBy(e => e.At).ToArray());

    public async Task<Result<RequestView>> AbsorbDuplicate(RequestSummary duplicate, IReadOnlyList<AuditEntry> audit, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(audit);
        if (View is null) return Result<RequestView>.NotFound(Reason.NoSuchRequest);
        if (duplicate.Id == View.Id) return Result<RequestView>.Refused(Reason.MergeIntoItself);
        if (duplicate.HubSlug != View.HubSlug) return Result<RequestView>.Refused(Reason.MergeAcrossHubs);
        if (!RequestLifecycle.IsOpen(View.Status)) return Result<RequestView>.Refused(Reason.MergeIntoClosed, View.ReferenceCode, View.Status);
        if (state.State.MergedAudits.ContainsKey(duplicate.ReferenceCode)) return Result<RequestView>.Ok(View); // already taken in

        var view = View with { PossibleDuplicateOf = View.PossibleDuplicateOf.Where(id => id != duplicate.Id).ToArray() };
        return await Commit(view, actor, Phrase.Of("DidAbsorb", "merged duplicate {0} into this", duplicate.ReferenceCode), default,
            next => next.MergedAudits[duplicate.ReferenceCode] = [.. audit]);
    }

    public async Task<Result<RequestView>> MarkMerged(MergeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (View?.MergedInto == command.SurvivorId) return Result<RequestView>.Ok(View); // done before
        if (Check(RequestAction.Cancel, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        if (View!.Assignment is { } held) return Result<RequestView>.Refused(Reason.MergeHeld, held.VolunteerName);
        var view = View with { Status = RequestStatus.Cancelled, MergedInto = command.SurvivorId };
        return await Commit(view, command.Actor, Phrase.Of("DidMergeInto", "merged this into {0}", command.SurvivorReference), Reason.MergedAsDuplicate.Say());
    }
}
