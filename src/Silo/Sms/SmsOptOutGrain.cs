using MutualAid.Sms;

namespace MutualAid.Silo.Sms;

public sealed class SmsOptOutGrain(
    [PersistentState("smsOptOut")] IPersistentState<SmsOptOutState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ISmsOptOutGrain
{
    public Task OptOut() => Set(true);

    public Task OptIn() => Set(false);

    public Task<bool> IsStopped() => Task.FromResult(state.State.Stopped);

    private async Task Set(bool stopped)
    {
        // A repeated STOP changes nothing, so it costs no write.
        if (state.State.Stopped == stopped && state.RecordExists) return;
        state.State.Stopped = stopped;
        state.State.ChangedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("MutualAid.Silo.SmsOptOutState")]
public sealed class SmsOptOutState
{
    [Id(0)] public bool Stopped { get; set; }
    [Id(1)] public DateTimeOffset ChangedAt { get; set; }
}
