using MutualAid.Notifications;

namespace MutualAid.Silo.Notifications;

/// <summary>
/// The short list senders walk. Durable, so a restarted cluster still knows which hubs have
/// messages waiting; an outbox that finds itself empty takes itself off again.
/// </summary>
public sealed class OutboxDirectoryGrain(
    [PersistentState("outbox-directory")] IPersistentState<OutboxDirectoryState> state) : Grain, IOutboxDirectoryGrain
{
    public async Task SetOpen(string hubSlug, bool hasOpenMessages)
    {
        var changed = hasOpenMessages ? state.State.Hubs.Add(hubSlug) : state.State.Hubs.Remove(hubSlug);
        if (changed) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> HubsWithOpenMessages() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Hubs.Order(StringComparer.Ordinal)]);
}

[GenerateSerializer, Alias("MutualAid.Silo.OutboxDirectoryState")]
public sealed class OutboxDirectoryState
{
    [Id(0)] public HashSet<string> Hubs { get; set; } = new(StringComparer.Ordinal);
}
