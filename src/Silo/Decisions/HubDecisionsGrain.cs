using MutualAid.Decisions;

namespace MutualAid.Silo.Decisions;

/// <summary>A hub's proposals (summaries) and assembly minutes. Minutes are appended, never edited.</summary>
public sealed class HubDecisionsGrain(
    [PersistentState("decisions")] IPersistentState<HubDecisionsState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IHubDecisionsGrain
{
    public async Task Track(ProposalSummary proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        // Ballots only grow until the outcome, which never goes away: an older announcement never overwrites a newer one.
        if (state.State.Proposals.TryGetValue(proposal.Id, out var known) && (known.Outcome is not null && proposal.Outcome is null)) return;
        if (known == proposal) return;
        state.State.Proposals[proposal.Id] = proposal;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ProposalSummary>> Proposals() =>
        Task.FromResult<IReadOnlyList<ProposalSummary>>([.. state.State.Proposals.Values.OrderBy(p => p.Outcome is not null).ThenByDescending(p => p.CreatedAt)]);

    public async Task<Result<AssemblyMinutes>> RecordMinutes(AssemblyMinutes minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (state.State.Minutes.FirstOrDefault(m => m.Id == minutes.Id) is { } known) return Result<AssemblyMinutes>.Ok(known);
        var now = clock.GetUtcNow();
        var errors = minutes.Validate(now);
        if (errors.Count > 0) return Result<AssemblyMinutes>.Invalid(errors);
        if (!HubMembership.IsCoordinator(await MemberRoles.RolesOf(GrainFactory, minutes.RecordedBy), this.GetPrimaryKeyString()))
            return Result<AssemblyMinutes>.Refused(Reason.DecisionMinutesNeedCoordinator);
        var recorded = minutes with { Text = minutes.Text.Trim(), Decision = minutes.Decision.Trim(), RecordedAt = now };
        state.State.Minutes.Add(recorded);
        await state.WriteStateAsync();
        return Result<AssemblyMinutes>.Ok(recorded);
    }

    public async Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var accounts = command.AccountIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var erased = new Actor("erased", ContactDetails.ErasedName);
        state.State.Minutes = [.. state.State.Minutes.Select(m => accounts.Contains(m.RecordedBy.UserId) ? m with { RecordedBy = erased } : m)];
        // Written even when the minutes do not name them: the proposals' summaries changed in ordinary
        // writes (Track), and this one leaves the store no older copy that names them.
        state.State.ScrubOnNextWrite = true;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AssemblyMinutes>> Minutes() =>
        Task.FromResult<IReadOnlyList<AssemblyMinutes>>([.. state.State.Minutes.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.RecordedAt)]);
}
