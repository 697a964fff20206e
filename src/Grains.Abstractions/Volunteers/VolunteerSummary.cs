using MutualAid.Requests;

namespace MutualAid.Volunteers;

/// <summary>What a board shows of a volunteer: load against limits, no contact details, no exact location.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerSummary")]
public sealed record VolunteerSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] int Version,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<string> HubSlugs,
    [property: Id(4)] IReadOnlyList<RequestCategory> CanHelpWith,
    [property: Id(5)] IReadOnlyList<string> Languages,
    [property: Id(6)] bool HasVehicle,
    [property: Id(7)] bool OnDuty,
    [property: Id(8)] int ActiveAssignments,
    [property: Id(9)] int MaxConcurrentAssignments,
    [property: Id(10)] double HoursThisWeek,
    [property: Id(11)] double MaxHoursPerWeek)
{
    [Id(12)] public IReadOnlyList<string> Skills { get; init; } = [];
    [Id(13)] public IReadOnlyList<AvailabilityWindow> Availability { get; init; } = [];
    [Id(14)] public DateTimeOffset? LastCheckIn { get; init; }
    [Id(15)] public IReadOnlyList<Guid> ActiveRequestIds { get; init; } = [];

    /// <summary>The profile location snapped to the display grid; the exact point never leaves the silo.</summary>
    [Id(16)] public Common.GeoPoint? ApproximateLocation { get; init; }

    /// <summary>Why their claiming is held (too many claims given back), so the hub's coordinators see it; null when it is not.</summary>
    [Id(40)] public Common.Phrase? ClaimsHeld { get; init; }

    /// <summary>Their account is disabled, so the hub's dispatchers know why they are off duty and who must give their jobs to someone else.</summary>
    [Id(42)] public bool Suspended { get; init; }

    /// <summary>
    /// The hubs whose time-bank statement of this volunteer has anything in it (hours given there, or a
    /// job of theirs held now), so a hub's hours page asks only those volunteers for their statement:
    /// an imported list of thousands who never took a job there reads as nothing without waking each.
    /// Null on a row made before this was kept: unknown, so asked. Never written to a browser or an API
    /// client (no JSON): which other hubs someone worked for is not the board's business, and no page shows it.
    /// </summary>
    [Id(41), System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<string>? HoursIn { get; init; }

    /// <summary>Whether this volunteer's statement for <paramref name="hub"/> may hold anything; true when the row does not say.</summary>
    public bool MayHaveHoursIn(string hub) => HoursIn is not { } hubs || hubs.Contains(hub, StringComparer.Ordinal);

    /// <summary>
    /// The row as the hub's onlookers see it (its volunteers, a network or region view): why a
    /// volunteer's claiming is held, or that their account is disabled, is between them and the hub's
    /// coordinators and dispatchers.
    /// </summary>
    public VolunteerSummary ForOnlookers() => ClaimsHeld is null && !Suspended ? this : this with { ClaimsHeld = null, Suspended = false };

    public bool HasCapacity => !VolunteerLimits.Full(ActiveAssignments, MaxConcurrentAssignments) && !VolunteerLimits.Passes(HoursThisWeek, 0, MaxHoursPerWeek);
}
