using MutualAid.Common;

namespace MutualAid.Requests;

/// <summary>A time span for each urgency: how long a hub gives itself to assign, how long a claim holds.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.UrgencyTimes")]
public sealed record UrgencyTimes(
    [property: Id(0)] TimeSpan Critical,
    [property: Id(1)] TimeSpan High,
    [property: Id(2)] TimeSpan Normal,
    [property: Id(3)] TimeSpan Low)
{
    public TimeSpan For(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Critical,
        Urgency.High => High,
        Urgency.Normal => Normal,
        _ => Low,
    };

    /// <summary>Each time outside [<paramref name="shortest"/>, <paramref name="longest"/>], as an error on "{field}.{urgency}".</summary>
    public IReadOnlyList<FieldError> Validate(string field, TimeSpan shortest, TimeSpan longest, Reason outOfRange) =>
        Enum.GetValues<Urgency>()
            .Where(u => For(u) < shortest || For(u) > longest)
            .Select(u => FieldError.Of($"{field}.{u}", outOfRange))
            .ToArray();
}
