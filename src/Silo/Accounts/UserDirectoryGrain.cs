using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

public sealed class UserDirectoryGrain([PersistentState("users")] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    public async Task<bool> TryReserveFirstAdmin(string email)
    {
        if (state.State.Users.Count > 0 || state.State.FirstAdminReservedFor is not null) return false;
        state.State.FirstAdminReservedFor = IUserGrain.Key(email);
        await state.WriteStateAsync();
        return true;
    }

    public Task<bool> HasUsers() => Task.FromResult(state.State.Users.Count > 0 || state.State.FirstAdminReservedFor is not null);

    public async Task Upsert(UserSummary user)
    {
        ArgumentNullException.ThrowIfNull(user);
        state.State.Users[user.Email] = user;
        await state.WriteStateAsync();
    }

    public async Task Forget(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var key = IUserGrain.Key(email);
        if (!state.State.Users.Remove(key, out var erased)) return;
        // The tombstone keeps the account counted (an emptied directory would reopen first-run setup)
        // and bound to its volunteer (so that erased volunteer is never offered for a new account).
        var tombstone = IUserDirectoryGrain.TombstonePrefix + Guid.NewGuid().ToString("N");
        state.State.Users[tombstone] = new UserSummary(tombstone, "", [], erased.VolunteerId) { Disabled = true };
        if (state.State.FirstAdminReservedFor == key) state.State.FirstAdminReservedFor = tombstone;
        // Also brings the user grain's deleted row out of the write-ahead log, which it left just before.
        state.State.ScrubOnNextWrite = true;
        await state.WriteStateAsync();
    }

    public Task<bool> AnyHolds(RoleGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return Task.FromResult(state.State.Users.Values.Any(u => u.Holds(grant)));
    }

    public Task<IReadOnlyList<UserSummary>> List() => Task.FromResult<IReadOnlyList<UserSummary>>(
        state.State.Users.Values.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ToArray());
}
