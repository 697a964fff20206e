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

    public Task<IReadOnlyList<UserSummary>> List() => Task.FromResult<IReadOnlyList<UserSummary>>(
        state.State.Users.Values.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ToArray());
}
