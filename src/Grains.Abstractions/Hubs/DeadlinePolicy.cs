using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>
/// How long a hub gives itself to assign a request of each urgency. Past that the request is
/// overdue (highlighted, coordinators told); unassigned for as long again, it is offered to the
/// region so a neighbouring hub can take it.
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

    public TimeSpan AssignWithin(Urgency urgency) => urgency switch
    {
        Urgency.Critical => Critical,
        Urgency.High => High,
        Urgency.Normal => Normal,
        _ => Low,
    };

    public IReadOnlyList<Common.FieldError> Validate() =>
        new[] { (nameof(Critical), Critical), (nameof(High), High), (nameof(Normal), Normal), (nameof(Low), Low) }
            .Where(p => p.Item2 < TimeSpan.FromMinutes(1) || p.Item2 > TimeSpan.FromDays(30))
            .Select(p => new Common.FieldError($"Deadlines.{p.Item1}", "Between one minute and 30 days."))
            .ToArray();
}
