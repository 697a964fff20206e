using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// Counts wrong digits for one reference code (<see cref="IStatusProofGrain"/>). It writes only on a
/// wrong guess at a code that names a request: an unknown code has nothing to protect, and a locked
/// one is not checked at all, so a flood of guesses costs no more writes than the limit.
/// </summary>
public sealed class StatusProofGrain(
    [PersistentState("statusProof")] IPersistentState<StatusProofState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IStatusProofGrain
{
    public async Task<RequestView?> Prove(string lastDigits)
    {
        var now = clock.GetUtcNow();
        state.State.Failures.RemoveAll(at => at <= now - IStatusProofGrain.Window);
        if (state.State.Failures.Count >= IStatusProofGrain.MaxFailures) return null;
        if (await GrainFactory.GetGrain<IReferenceCodeGrain>(this.GetPrimaryKeyString()).Request() is not { } id) return null;
        var view = await GrainFactory.GetGrain<IRequestGrain>(id).GetView();
        if (view is null) return null;
        if (PhoneEndsWith(view.Contact.Phone, lastDigits)) return view;
        state.State.Failures.Add(now);
        await state.WriteStateAsync();
        return null;
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
