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
}
