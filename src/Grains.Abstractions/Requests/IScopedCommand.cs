namespace MutualAid.Requests;

/// <summary>
/// A request command that may name the hub and the volunteer it is limited to. The request grain
/// knows both, so it refuses what the caller may not reach, and the web tier can authorise on the
/// hub it was asked about without reading the request first.
/// </summary>
public interface IScopedCommand
{
    /// <summary>When set, a request of another hub, or none, answers NotFound (Reason.NotInHub) and changes nothing.</summary>
    string? Hub { get; }

    /// <summary>When set, the caller acts only as this volunteer: anything but their own assignment (or no request) answers NotFound (Reason.NotYours).</summary>
    Guid? AsVolunteer { get; }
}
