using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

public sealed class PasswordResetGrain(
    [PersistentState("passwordReset")] IPersistentState<PasswordResetState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IPasswordResetGrain
{
    public async Task<Result<PasswordReset>> Create(PasswordReset reset)
    {
        ArgumentNullException.ThrowIfNull(reset);
        if (state.State.Reset is not null) return Result<PasswordReset>.Refused(Reason.ResetExists);
        var now = clock.GetUtcNow();
        if (reset.ExpiresAt <= now || reset.ExpiresAt > now.AddDays(7)) return Result<PasswordReset>.Invalid("ExpiresAt", Reason.ResetLifetime);
        state.State.Reset = reset with { Email = IUserGrain.Key(reset.Email), UsedAt = null };
        await state.WriteStateAsync();
        return Result<PasswordReset>.Ok(state.State.Reset);
    }

    public Task<PasswordReset?> Peek() => Task.FromResult(Usable());

    public async Task<Result<PasswordReset>> Use()
    {
        // One answer for unknown, used and expired links, so a guessed token learns nothing.
        if (Usable() is not { } reset) return Result<PasswordReset>.NotFound(Reason.ResetNotValid);
        state.State.Reset = reset with { UsedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        return Result<PasswordReset>.Ok(state.State.Reset);
    }

    private PasswordReset? Usable() =>
        state.State.Reset is { UsedAt: null } reset && reset.ExpiresAt > clock.GetUtcNow() ? reset : null;
}
