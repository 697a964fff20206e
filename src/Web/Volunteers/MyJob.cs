using MutualAid.Common;
using MutualAid.Requests;

namespace MutualAid.Web.Volunteers;

/// <summary>
/// One job on the plain /my/jobs page, with its times already in the hub's zone and the requester's
/// details only when the volunteer may see them (an active claim), and the contact-log entries the
/// hub marked for them.
/// </summary>
public sealed record MyJob(RequestView Request, double EstimatedHours, string? YoursUntil, ContactDetails? Contact, IReadOnlyList<CaseNote>? Notes = null)
{
    /// <summary>The safe-arrival button this volunteer sees next on a visit.</summary>
    public CheckIn CheckIn { get; init; }

    /// <summary>This volunteer's own place on the job (first or partner of a pair).</summary>
    public Assignment? Mine { get; init; }
}

/// <summary>A message for the volunteer (a claim that lapsed), with its time in their home hub's zone.</summary>
public sealed record MyNotice(string At, string Message);
