using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>
/// How long a hub gives itself to assign a request of each urgency. Past that the request is
/// overdue (highlighted, coordinators told); unassigned for as long again, it is offered to the
/// region so a neighbouring hub can take it. Stored as four spans (Ids 0-3) since the first
/// version, so hubs saved then still load; <see cref="Times"/> is how they are read.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.DeadlinePolicy")]
public sealed record DeadlinePolicy(
    [property: Id(0)] TimeSpan Critical,
    [property: Id(1)] TimeSpan High,
    [property: Id(2)] TimeSpan Normal,
    [property: Id(3)] TimeSpan Low)
{
    public static DeadlinePolicy Default { get; } =
        new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(8), TimeSpan.FromHours(48));

    public UrgencyTimes Times => new(Critical, High, Normal, Low);

    public TimeSpan AssignWithin(Urgency urgency) => Times.For(urgency);

    public IReadOnlyList<Common.FieldError> Validate() =>
        Times.Validate("Deadlines", TimeSpan.FromMinutes(1), TimeSpan.FromDays(30), Common.Reason.DeadlineOutOfRange);
}
