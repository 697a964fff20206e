namespace MutualAid.Requests;

/// <summary>
/// The /status proof for one reference code, keyed by <see cref="IReferenceCodeGrain.Key"/>: the code
/// and the last digits of the phone the request was made with. Every volunteer sees reference codes,
/// so the digits are the only secret; after <see cref="MaxFailures"/> wrong digits within
/// <see cref="Window"/> the code answers as an unknown one does, whatever the digits, until the oldest
/// of those guesses is a window old. Checks of one code are taken one at a time, so guesses sent
/// together from many addresses cannot all slip in under the limit.
/// </summary>
[Alias("MutualAid.IStatusProofGrain")]
public interface IStatusProofGrain : IGrainWithStringKey
{
    const int MaxFailures = 5;

    static TimeSpan Window => TimeSpan.FromHours(24);

    /// <summary>The request the code names when the phone it was made with ends in <paramref name="lastDigits"/>; null otherwise, and for an unknown or locked code alike.</summary>
    [Alias("Prove")] Task<RequestView?> Prove(string lastDigits);

    /// <summary>
    /// Until when the code answers as an unknown one; null while it answers. For the request's hub
    /// staff, who would otherwise not know why the person cannot see their status.
    /// </summary>
    [Alias("LockedUntil"), ReadOnly] Task<DateTimeOffset?> LockedUntil();

    /// <summary>
    /// Forgets the wrong digits, so the right ones answer at once: anyone who knows a code can lock
    /// its requester out, so the hub's staff must be able to let them back in. The web tier checks
    /// the caller and has the request's audit record it (<see cref="IRequestGrain.RecordStatusUnlock"/>)
    /// first. True when the code was locked.
    /// </summary>
    [Alias("Unlock")] Task<bool> Unlock();
}
