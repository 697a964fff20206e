using MutualAid.Requests;
using MutualAid.Stats;

namespace MutualAid.Silo.Stats;

[GenerateSerializer, Alias("MutualAid.Silo.HubStatsState")]
public sealed class HubStatsState
{
    /// <summary>The kept weeks by their Monday; at most <see cref="StatsWeek.KeptWeeks"/>.</summary>
    [Id(0)] public Dictionary<DateOnly, StatsWeek> Weeks { get; set; } = [];

    /// <summary>Requests counted as come but not yet delivered or cancelled: what is still to count for them.</summary>
    [Id(1)] public Dictionary<Guid, TrackedRequest> Open { get; set; } = [];

    /// <summary>Requests counted to the end lately, so a late or repeated notice is not counted again.</summary>
    [Id(2)] public Dictionary<Guid, ClosedRequest> Closed { get; set; } = [];

    /// <summary>Offers already counted, and when they were entered.</summary>
    [Id(3)] public Dictionary<Guid, DateTimeOffset> Offers { get; set; } = [];

    [Id(4)] public bool SurveyOpen { get; set; }

    [Id(5)] public DateTimeOffset? SurveyOpenedAt { get; set; }

    /// <summary>Answers since the survey was last opened.</summary>
    [Id(6)] public int SurveyAnswers { get; set; }

    /// <summary>The latest answers' own words, newest last; coordinators only.</summary>
    [Id(7)] public List<SurveyComment> Comments { get; set; } = [];

    /// <summary>Answer ids lately counted, so a form sent twice or a retried text counts once.</summary>
    [Id(8)] public Dictionary<Guid, DateTimeOffset> Answered { get; set; } = [];
}

/// <summary>The version a request was counted to its end at, and when.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Silo.ClosedRequest")]
public sealed record ClosedRequest([property: Id(0)] int Version, [property: Id(1)] DateTimeOffset At)
{
    /// <summary>Whether its assignment was counted: a cancellation can overtake the assignment's notice.</summary>
    [Id(2)] public bool Assigned { get; init; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.Silo.TrackedRequest")]
public sealed record TrackedRequest(
    [property: Id(0)] int Version,
    [property: Id(1)] RequestCategory Category,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] bool Assigned);
