using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Dispatch;

namespace MutualAid.Web.Api;

/// <summary>
/// A new request: everything intake can set. <see cref="Id"/> is optional; without it the request's
/// id comes from the Idempotency-Key (or is new). <see cref="Notes"/> starts the contact log.
/// </summary>
public sealed record CreateRequestBody(
    RequestCategory Category,
    Urgency Urgency,
    string Area,
    string Need,
    ContactBody Contact)
{
    public Guid? Id { get; init; }
    public string? PreferredLanguage { get; init; }
    public DateTimeOffset? NeededBy { get; init; }
    public GeoPoint? Location { get; init; }
    public string? AccessibilityNotes { get; init; }
    public bool NeedsVehicle { get; init; }
    public string? Notes { get; init; }

    public NewRequest ToNewRequest(string hub, Actor actor) =>
        new(hub, Category, Urgency, Area, Need, new ContactDetails(Contact?.Name ?? "", Contact?.Phone, Contact?.Email, Contact?.Address), RequestSource.Member, actor)
        {
            PreferredLanguage = PreferredLanguage,
            NeededBy = NeededBy,
            Location = Location,
            AccessibilityNotes = AccessibilityNotes,
            NeedsVehicle = NeedsVehicle,
        };
}

/// <summary>PRIVATE: how to reach the person; only the hub's coordinators and dispatchers ever read it back.</summary>
public sealed record ContactBody(string Name, string? Phone = null, string? Email = null, string? Address = null);

/// <summary>
/// A lifecycle command, checked against the version the caller saw. Assign needs <see cref="VolunteerId"/>;
/// with <see cref="Override"/> it goes past the volunteer's limits (coordinators only) and
/// <see cref="Reason"/> is then required (the audit keeps it). Triage may set urgency and category;
/// fulfil may say the hours given (else the assignment's estimate).
/// </summary>
public sealed record CommandBody(int ExpectedVersion)
{
    public Guid? VolunteerId { get; init; }
    public double? Hours { get; init; }
    public string? Reason { get; init; }
    public bool Override { get; init; }

    /// <summary>Assigning to a pair two already hold: the volunteer the new one takes over from (the other keeps their place).</summary>
    public Guid? Replacing { get; init; }

    public Urgency? Urgency { get; init; }
    public RequestCategory? Category { get; init; }
}

/// <summary>An edit: the fields to change (null = unchanged) and the version the caller saw.</summary>
public sealed record EditBody : RequestChanges
{
    public int ExpectedVersion { get; init; }
}

/// <summary>A contact-log entry.</summary>
public sealed record NoteBody(NoteKind Kind, string? Text, bool ForVolunteer = false);
