using MutualAid.Api;

namespace MutualAid.Silo.Api;

/// <summary>
/// Keeps the first answer to one Idempotency-Key for a day. A reminder (not a timer) clears it,
/// because the grain is usually deactivated long before the day is out and the state must still go.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency")] IPersistentState<IdempotencyState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IIdempotencyGrain, IRemindable
{
    private const string ExpiryReminder = "idempotency-expiry";

    public async Task<IdempotentAnswer?> Recall()
    {
        if (state.State.Answer is not { } answer) return null;
        if (clock.GetUtcNow() - answer.At < IIdempotencyGrain.Lifetime) return answer;
        await Forget();
        return null;
    }

    public async Task<IdempotentAnswer> Remember(IdempotentAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (await Recall() is { } kept) return kept;
        state.State.Answer = answer;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ExpiryReminder, IIdempotencyGrain.Lifetime, IIdempotencyGrain.Lifetime);
        return answer;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ExpiryReminder ? Forget() : Task.CompletedTask;

    private async Task Forget()
    {
        await state.ClearStateAsync();
        state.State = new IdempotencyState();
        if (await this.GetReminder(ExpiryReminder) is { } reminder) await this.UnregisterReminder(reminder);
        DeactivateOnIdle();
    }
}

[GenerateSerializer, Alias("MutualAid.Silo.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)] public IdempotentAnswer? Answer { get; set; }
}
