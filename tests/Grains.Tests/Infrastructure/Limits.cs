namespace MutualAid.Grains.Tests.Infrastructure;

public static class Limits
{
    /// <summary>Which limit a <see cref="Reason.PastLimits"/> refusal names (its inner phrase's code); None for any other outcome.</summary>
    public static Reason Broken<T>(Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Reason == Reason.PastLimits && result.Said?.Args is [Phrase limit, ..]
            ? Enum.GetValues<Reason>().Single(r => r.Key() == limit.Key)
            : Reason.None;
    }
}
