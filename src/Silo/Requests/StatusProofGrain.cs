using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Counts wrong digits for one reference code (<see cref="IStatusProofGrain"/>). It writes only on a
/// wrong guess at a code that names a request: an unknown code has nothing to protect, and a locked
/// one is not checked at all, so a flood of guesses costs no more writes than the limit. The hub's
/// staff unlock it for the person who asked; that write is theirs, one per unlock.
/// </summary>
public sealed class StatusProofGrain(
    [PersistentState("statusProof")] IPersistentState<StatusProofState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IStatusProofGrain
{
    public async Task<RequestView?> Prove(string lastDigits)
    {
        var now = clock.GetUtcNow();
        state.State.Failures.RemoveAll(at => at <= now - IStatusProofGrain.Window);
        if (LockedAt(now) is not null) return null;
        if (await GrainFactory.GetGrain<IReferenceCodeGrain>(this.GetPrimaryKeyString()).Request() is not { } id) return null;
        var view = await GrainFactory.GetGrain<IRequestGrain>(id).GetView();
        if (view is null) return null;
        if (PhoneEndsWith(view.Contact.Phone, lastDigits)) return view;
        state.State.Failures.Add(now);
        await state.WriteStateAsync();
        return null;
    }

    public Task<DateTimeOffset?> LockedUntil() => Task.FromResult(LockedAt(clock.GetUtcNow()));

    public async Task<bool> Unlock()
    {
        if (LockedAt(clock.GetUtcNow()) is null) return false;
        await state.WriteOrKeep(new StatusProofState());
        return true;
    }

    /// <summary>
    /// When the lock lifts: once enough of the recent wrong guesses are a window old that fewer than
    /// the limit remain. Null when fewer than the limit are recent now.
    /// </summary>
    private DateTimeOffset? LockedAt(DateTimeOffset now)
    {
        var recent = state.State.Failures.Where(at => at > now - IStatusProofGrain.Window).Order().ToArray();
        return recent.Length >= IStatusProofGrain.MaxFailures ? recent[^IStatusProofGrain.MaxFailures] + IStatusProofGrain.Window : null;
    }

    private static bool PhoneEndsWith(string? phone, string? digits)
    {
        var all = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits is { Length: > 0 } && all.Length >= digits.Length && all.EndsWith(digits, StringComparison.Ordinal);
    }
}

[GenerateSerializer, Alias("MutualAid.Silo.StatusProofState")]
public sealed class StatusProofState
{
    /// <summary>When each recent wrong guess came; those older than the window are dropped as it is read.</summary>
    [Id(0)] public List<DateTimeOffset> Failures { get; set; } = [];
}
