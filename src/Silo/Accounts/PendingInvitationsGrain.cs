using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

public sealed class PendingInvitationsGrain(
    [PersistentState("pendingInvitations")] IPersistentState<PendingInvitationsState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IPendingInvitationsGrain
{
    public async Task Add(PendingInvitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var now = clock.GetUtcNow();
        foreach (var expired in state.State.Pending.Values.Where(p => p.ExpiresAt <= now).Select(p => p.Key).ToArray()) state.State.Pending.Remove(expired);
        state.State.Pending[invitation.Key] = invitation;
        await state.WriteStateAsync();
    }

    public async Task Remove(string key)
    {
        if (state.State.Pending.Remove(key)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<PendingInvitation>> List()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PendingInvitation>>(
            state.State.Pending.Values.Where(p => p.ExpiresAt > now).OrderBy(p => p.CreatedAt).ToArray());
    }
}
