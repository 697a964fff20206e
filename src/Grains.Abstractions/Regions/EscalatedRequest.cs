using MutualAid.Requests;

namespace MutualAid.Regions;

/// <summary>A need a hub could not meet, offered to the region (redacted).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EscalatedRequest")]
public sealed record EscalatedRequest(
    [property: Id(0)] RequestSummary Request,
    [property: Id(1)] string FromHub,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At)
{
    /// <summary>Why, when the system offered it (its deadline passed); <see cref="Reason"/> is then its English.</summary>
    [Id(4)] public Phrase? ReasonSaid { get; init; }

    /// <summary>
    /// Whether this copy makes <paramref name="incoming"/> nothing new: the same request, and a later
    /// version, or the same version handed at the same moment. Requests hand their escalations and
    /// raised needs at least once, so a receiver sees repeats and, late, older ones.
    /// </summary>
    public bool Outdates(EscalatedRequest incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return Request.Id == incoming.Request.Id
            && (Request.Version > incoming.Request.Version || (Request.Version == incoming.Request.Version && At == incoming.At));
    }
}
