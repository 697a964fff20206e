using MutualAid.Accounts;

namespace MutualAid.Silo.Accounts;

/// <summary>
/// Held in memory only: a restart forgets the count, which gives a guesser no more than waiting out
/// the lockout would, and the many emails a guesser tries leave nothing stored behind.
/// </summary>
public sealed class SignInFailuresGrain([FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ISignInFailuresGrain
{
    private int failures;
    private DateTimeOffset? lockedUntil;

    public Task<DateTimeOffset?> LockedUntil() => Task.FromResult(Current());

    public Task<DateTimeOffset?> Failed()
    {
        if (Current() is { } until) return Task.FromResult<DateTimeOffset?>(until);
        lockedUntil = null;
        if (++failures >= ISignInFailuresGrain.MaxFailures)
        {
            failures = 0;
            lockedUntil = clock.GetUtcNow() + ISignInFailuresGrain.LockoutDuration;
        }

        return Task.FromResult(lockedUntil);
    }

    public Task Succeeded()
    {
        failures = 0;
        lockedUntil = null;
        return Task.CompletedTask;
    }

    private DateTimeOffset? Current() => lockedUntil is { } until && until > clock.GetUtcNow() ? until : null;
}
