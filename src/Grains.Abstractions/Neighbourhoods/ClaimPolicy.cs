using MutualAid.Requests;

namespace MutualAid.Neighbourhoods;

/// <summary>
/// How long a volunteer's claim on a request holds before they pick it up. A claim that runs out
/// lapses: the request goes back on the board and the volunteer no longer sees the address.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ClaimPolicy")]
public sealed record ClaimPolicy(
    [property: Id(0)] TimeSpan Critical,
    [property: Id(1)] TimeSpan High,
    [property: Id(2)] TimeSpan Normal,
    [property: Id(3)] TimeSpan Low)
{
    public static ClaimPolicy Default { get; } =
        new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(24));

    public TimeSpan PickUpWithin(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Critical,
        Urgency.High => High,
        Urgency.Normal => Normal,
        _ => Low,
    };
}
