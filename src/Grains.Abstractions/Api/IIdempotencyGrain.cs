namespace MutualAid.Api;

/// <summary>
/// The first answer to a create sent with an Idempotency-Key, so a tool that repeats the call
/// (a lost answer, a retry) gets that answer again and nothing new is made. Keyed by
/// <see cref="Key"/>; it forgets after <see cref="Lifetime"/>, so keys never pile up.
/// </summary>
[Alias("MutualAid.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Hub, caller and key, so one caller's key never answers for another's.</summary>
    public static string Key(string hub, string caller, string key) => $"{hub}/{caller}/{key}";

    /// <summary>The answer kept for this key, or null when there is none (or it has expired).</summary>
    [Alias("Recall")] Task<IdempotentAnswer?> Recall();

    /// <summary>Keeps the answer unless one is already kept (the first answer wins); returns the one kept.</summary>
    [Alias("Remember")] Task<IdempotentAnswer> Remember(IdempotentAnswer answer);
}
