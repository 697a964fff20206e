namespace MutualAid.Requests;

/// <summary>
/// A time span for each urgency; a hub's settings hold two: how long it gives itself to assign
/// (<see cref="Hubs.HubSettings.Deadlines"/>) and how long a volunteer's claim holds
/// (<see cref="Hubs.HubSettings.Claims"/>). Both were stored, as two look-alike policy types, with
/// these four spans at Ids 0-3, so hubs saved then still load.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.UrgencyTimes")]
public sealed record UrgencyTimes(
    [property: Id(0)] TimeSpan Critical,
    [property: Id(1)] TimeSpan High,
    [property: Id(2)] TimeSpan Normal,
    [property: Id(3)] TimeSpan Low)
{
    /// <summary>Past this a request is overdue (highlighted, coordinators told); unassigned as long again, it is offered to the region.</summary>
    public static UrgencyTimes DefaultDeadlines { get; } =
        new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(8), TimeSpan.FromHours(48));

    /// <summary>A claim not picked up within this lapses: the request goes back on the board and the volunteer no longer sees the address.</summary>
    public static UrgencyTimes DefaultClaims { get; } =
        new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(24));

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
