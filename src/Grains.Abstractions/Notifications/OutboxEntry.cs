namespace MutualAid.Notifications;

/// <summary>One message in a hub's outbox and what became of it.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.OutboxEntry")]
public sealed record OutboxEntry(
    [property: Id(0)] OutboundMessage Message,
    [property: Id(1)] MessageStatus Status,
    [property: Id(2)] int Attempts,
    [property: Id(3)] DateTimeOffset NotBefore)
{
    /// <summary>The sender holding it until <see cref="LeaseUntil"/>; another may take it after.</summary>
    [Id(4)] public string? LeasedBy { get; init; }

    [Id(5)] public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The channels that took it (empty: page only, or not yet).</summary>
    [Id(6)] public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>Why the last try failed (never the message body nor an address).</summary>
    [Id(7)] public Common.Phrase? Error { get; init; }

    [Id(8)] public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The coordinator who last asked for it to be sent again.</summary>
    [Id(9)] public Common.Actor? ResentBy { get; init; }

    /// <summary>Who it is for, as the outbox view may show it (a role and a name; never an address).</summary>
    [Id(10)] public string? ToName { get; init; }

    public string Key => Message.Key;

    public bool IsOpen => Status is MessageStatus.Queued or MessageStatus.WaitingForQuietHours;
}
