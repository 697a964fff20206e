using MutualAid.Safety;

namespace MutualAid.Silo.Safety;

public sealed class HubConcernsGrain([PersistentState("hubConcerns")] IPersistentState<HubConcernsState> state) : Grain, IHubConcernsGrain
{
    public async Task Track(ConcernSummary concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        // Steps arrive in order from one concern grain; an older announcement never overwrites a newer one.
        if (state.State.Concerns.TryGetValue(concern.Id, out var known) && known.ChangedAt >= concern.ChangedAt && known.Stage >= concern.Stage) return;
        state.State.Concerns[concern.Id] = concern;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ConcernSummary>> List() =>
        Task.FromResult<IReadOnlyList<ConcernSummary>>(state.State.Concerns.Values.OrderBy(c => c.Stage == ConcernStage.Closed).ThenByDescending(c => c.ChangedAt).ToArray());
}
