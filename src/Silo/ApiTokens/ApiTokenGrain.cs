using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.ApiTokens;
using MutualAid.Silo.Hosting;

namespace MutualAid.Silo.ApiTokens;

public sealed partial class ApiTokenGrain(
    [PersistentState("apiToken")] IPersistentState<ApiTokenState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<DeadlineOptions> deadlines,
    ILogger<ApiTokenGrain> logger) : Grain, IApiTokenGrain, IRemindable
{
    /// <summary>
    /// How stale the stored "last used" may be. Writing on every API call would make each read a
    /// store write; the team page only needs to tell a token in use from a forgotten one.
    /// </summary>
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    private DateTimeOffset? lastUsed;

    public async Task<Result<ApiTokenView>> Issue(NewApiToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (state.State.Hub is not null) return Result<ApiTokenView>.Refused(Reason.ApiTokenExists);
        if (token.Problems() is { Count: > 0 } problems) return Result<ApiTokenView>.Invalid(problems);
        var now = clock.GetUtcNow();
        var expiresAt = now.AddDays(token.LifetimeDays);
        // The reminder first: a crash before the write leaves a reminder that finds no token and goes.
        await ArmEnding(expiresAt - ApiTokenWarning.Before(expiresAt - now));
        state.State = new ApiTokenState
        {
            Hub = token.Hub,
            Name = token.Name.Trim(),
            Scope = token.Scope,
            SecretHash = [.. token.SecretHash],
            CreatedBy = token.IssuedBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
            EndingArmed = true,
        };
        await state.WriteStateAsync();
        return Result<ApiTokenView>.Ok(Current()!);
    }

    public async Task<ApiTokenGrant?> Verify(byte[] secretHash)
    {
        var s = state.State;
        // FixedTimeEquals so the time taken says nothing about how much of a guess matched.
        var now = clock.GetUtcNow();
        if (s.Hub is null || s.RevokedAt is not null || Expired(now) || s.SecretHash is null || secretHash is null
            || !CryptographicOperations.FixedTimeEquals(s.SecretHash, secretHash))
        {
            return null;
        }

        lastUsed = now;
        if (s.LastUsedAt is not { } stored || now - stored >= LastUsedGranularity)
        {
            s.LastUsedAt = now;
            await Write();
        }

        return new ApiTokenGrant(this.GetPrimaryKey(), s.Hub, s.Scope, s.Name);
    }

    public async Task<Result<ApiTokenView>> Revoke(Actor by)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (state.State.Hub is null) return Result<ApiTokenView>.NotFound(Reason.NoSuchApiToken);
        if (state.State.RevokedAt is null)
        {
            state.State.RevokedAt = clock.GetUtcNow();
            state.State.RevokedBy = by;
            await Write();
            await DisarmEndingAfter("revoked");
        }

        return Result<ApiTokenView>.Ok(Current()!);
    }

    public Task<ApiTokenView?> View() => Task.FromResult(Current());

    private ApiTokenView? Current()
    {
        var s = state.State;
        if (s.Hub is null) return null;
        var now = clock.GetUtcNow();
        // This activation's last use is fresher than the stored one, which lags by up to a minute.
        return new ApiTokenView(this.GetPrimaryKey(), s.Hub, s.Name, s.Scope, s.CreatedBy ?? Actor.System, s.CreatedAt, lastUsed ?? s.LastUsedAt, s.RevokedBy, s.RevokedAt,
            s.ExpiresAt, Expired(now))
        {
            EndsIn = s.RevokedAt is null && !Expired(now) && ApiTokenWarning.From(s.CreatedAt, s.ExpiresAt) is { } from && now >= from ? s.ExpiresAt - now : null,
        };
    }

    private bool Expired(DateTimeOffset now) => state.State.ExpiresAt is { } end && now >= end;

    /// <summary>The one way this grain writes: what the outbox acknowledged leaves with it, never with a write of its own.</summary>
    private Task Write()
    {
        if (state.State.Outgoing.Count > 0) state.State.Outgoing = Outbox.Unacknowledged(state.State.Outgoing);
        return state.WriteStateAsync();
    }
}
