namespace MutualAid.Requests;

/// <summary>
/// Every command after creation names the request version the caller saw, so a stale
/// command is answered with a conflict rather than silently overwriting someone's work.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestCommand")]
public sealed record RequestCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] string? Reason = null) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.TriageCommand")]
public sealed record TriageCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] Urgency? Urgency = null,
    [property: Id(3)] RequestCategory? Category = null,
    [property: Id(4)] string? Reason = null) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.AssignCommand")]
public sealed record AssignCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] Guid VolunteerId,
    [property: Id(3)] double EstimatedHours = 1,
    [property: Id(4)] string? Reason = null) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }

    /// <summary>
    /// A coordinator's reason for assigning past the volunteer's own limits (load, weekly hours,
    /// rest). Recorded in the audit. Only coordinators may send it; the web tier checks.
    /// </summary>
    [Id(5)] public string? OverrideLimits { get; init; }

    /// <summary>On a pair held by two: which of them this volunteer takes over from (Id 110, arrivals and pairs).</summary>
    [Id(110)] public Guid? Replacing { get; init; }
}

/// <summary>Closes a duplicate request as merged into the one that survives.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.MergeCommand")]
public sealed record MergeCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] Guid SurvivorId,
    [property: Id(3)] string SurvivorReference) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

/// <summary>A volunteer claims a request for themselves (self-service).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ClaimCommand")]
public sealed record ClaimCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] Guid VolunteerId,
    [property: Id(3)] double EstimatedHours = 1) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.FulfilCommand")]
public sealed record FulfilCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] double HoursGiven,
    [property: Id(3)] string? Reason = null) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }

    /// <summary>A quarter of an hour is the least a job is banked as; a day is the most one delivery can take.</summary>
    public const double MinHours = 0.25;

    public const double MaxHours = 24;

    public static bool HoursInRange(double hours) => hours is >= MinHours and <= MaxHours;
}

/// <summary>A hub takes over a request another hub offered to the region.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.TransferCommand")]
public sealed record TransferCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] string ToHubSlug,
    [property: Id(3)] string? Reason = null) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

[GenerateSerializer, Immutable, Alias("MutualAid.EscalateCommand")]
public sealed record EscalateCommand(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(2)] string RegionSlug,
    [property: Id(3)] string Reason) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}
