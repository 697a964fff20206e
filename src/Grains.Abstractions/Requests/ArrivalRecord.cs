namespace MutualAid.Requests;

/// <summary>
/// One visit's safe-arrival check-ins: who said "I'm here", who said "I've left safely", and the
/// alarm the clock raised when the second did not come in time. Times and volunteer ids only, so
/// the board's redacted summary may carry it.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ArrivalRecord")]
public sealed record ArrivalRecord(
    [property: Id(0)] DateTimeOffset ArrivedAt,
    [property: Id(1)] DateTimeOffset AlarmAt)
{
    [Id(2)] public IReadOnlyList<Guid> Here { get; init; } = [];
    [Id(3)] public IReadOnlyList<Guid> Left { get; init; } = [];

    /// <summary>When the last volunteer who arrived left safely: the visit is over.</summary>
    [Id(4)] public DateTimeOffset? LeftAt { get; init; }

    [Id(5)] public DateTimeOffset? AlarmRaisedAt { get; init; }
    [Id(6)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(7)] public string? AcknowledgedBy { get; init; }
    [Id(8)] public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>Set with the alarm: when it goes to the region and the coordinators unless acknowledged first.</summary>
    [Id(9)] public DateTimeOffset? EscalateAt { get; init; }

    /// <summary>Raised and nobody yet recorded as safe: shown on every board of the hub.</summary>
    public bool AlarmOpen => AlarmRaisedAt is not null && LeftAt is null;

    public bool Acknowledged => AcknowledgedAt is not null;

    /// <summary>When the clock next acts: raise the alarm, or escalate it if nobody acknowledged; null when nothing waits.</summary>
    public DateTimeOffset? Due => this switch
    {
        { LeftAt: not null } => null,
        { AlarmRaisedAt: null } => AlarmAt,
        { AcknowledgedAt: null, EscalatedAt: null } => EscalateAt,
        _ => null,
    };
}
