namespace MutualAid.Requests;

/// <summary>A step of the lifecycle that needs nothing but an optional reason (accept, decline, start, cancel, reopen, ...).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestCommand")]
public sealed record RequestCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] string? Reason = null) : VersionedCommand(ExpectedVersion, Actor);

[GenerateSerializer, Immutable, Alias("MutualAid.TriageCommand")]
public sealed record TriageCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] Urgency? Urgency = null,
    [property: Id(3)] RequestCategory? Category = null,
    [property: Id(4)] string? Reason = null) : VersionedCommand(ExpectedVersion, Actor);

[GenerateSerializer, Immutable, Alias("MutualAid.AssignCommand")]
public sealed record AssignCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] Guid VolunteerId,
    [property: Id(3)] double EstimatedHours = 1,
    [property: Id(4)] string? Reason = null) : VersionedCommand(ExpectedVersion, Actor)
{
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
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] Guid SurvivorId,
    [property: Id(3)] string SurvivorReference) : VersionedCommand(ExpectedVersion, Actor);

/// <summary>A volunteer claims a request for themselves (self-service).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ClaimCommand")]
public sealed record ClaimCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] Guid VolunteerId,
    [property: Id(3)] double EstimatedHours = 1) : VersionedCommand(ExpectedVersion, Actor);

[GenerateSerializer, Immutable, Alias("MutualAid.FulfilCommand")]
public sealed record FulfilCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] double HoursGiven,
    [property: Id(3)] string? Reason = null) : VersionedCommand(ExpectedVersion, Actor)
{
    /// <summary>A quarter of an hour is the least a job is banked as; a day is the most one delivery can take.</summary>
    public const double MinHours = 0.25;

    public const double MaxHours = 24;

    public static bool HoursInRange(double hours) => hours is >= MinHours and <= MaxHours;
}

/// <summary>A hub takes over a request another hub offered to the region.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.TransferCommand")]
public sealed record TransferCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] string ToHubSlug,
    [property: Id(3)] string? Reason = null) : VersionedCommand(ExpectedVersion, Actor);

/// <summary>Passes the request to its hub's region; <paramref name="RegionSlug"/>, when given, must be that region (null: whichever it is).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EscalateCommand")]
public sealed record EscalateCommand(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(2)] string? RegionSlug,
    [property: Id(3)] string Reason) : VersionedCommand(ExpectedVersion, Actor);
