using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>
/// How long a volunteer's claim on a request holds before they pick it up. A claim that runs out
/// lapses: the request goes back on the board and the volunteer no longer sees the address.
/// Stored as four spans (Ids 0-3) so hubs saved before <see cref="Times"/> existed still load.
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

    public const int DefaultGiveBacksPerHour = 3;

    /// <summary>
    /// Claims a volunteer may give back (decline, unassign themselves, let lapse) within an hour;
    /// one more and they cannot claim until a coordinator clears it, so nobody can claim request
    /// after request just to read the addresses. Zero (a policy stored before this existed) is the default.
    /// </summary>
    [Id(4)] public int GiveBacksPerHour { get; init; } = DefaultGiveBacksPerHour;

    public int AllowedGiveBacksPerHour => GiveBacksPerHour > 0 ? GiveBacksPerHour : DefaultGiveBacksPerHour;

    public UrgencyTimes Times => new(Critical, High, Normal, Low);

    public TimeSpan PickUpWithin(Urgency urgency) => Times.For(urgency);
}
