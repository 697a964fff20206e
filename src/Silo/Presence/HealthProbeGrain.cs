using MutualAid.Presence;

namespace MutualAid.Silo.Presence;

/// <summary>One small row per front-end, written by each readiness probe (the web shares one among its callers): a store that cannot write fails it.</summary>
public sealed class HealthProbeGrain([PersistentState("healthProbe")] IPersistentState<HealthProbeState> state, [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IHealthProbeGrain
{
    public async Task Probe()
    {
        state.State.CheckedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        // Reads this grain's rows of the reminder table: unreachable, it throws.
        _ = await this.GetReminder("probe");
    }
}

[GenerateSerializer, Alias("MutualAid.Silo.HealthProbeState")]
public sealed class HealthProbeState
{
    [Id(0)] public DateTimeOffset CheckedAt { get; set; }
}
