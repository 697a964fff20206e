namespace MutualAid.Notifications;

[GenerateSerializer, Alias("MutualAid.DeliveryResult")]
public enum DeliveryResult
{
    Sent = 0,
    PageOnly = 1,

    /// <summary>Worth trying again later (network, provider busy): the outbox backs off.</summary>
    Transient = 2,

    /// <summary>Trying again will not help (no address, refused): failed at once.</summary>
    Permanent = 3,
}

/// <summary>What a sender made of one message it held under lease.</summary>
/// <param name="ToName">Who it reached, as the outbox view may show it (role and name, no address).</param>
[GenerateSerializer, Immutable, Alias("MutualAid.DeliveryReport")]
public sealed record DeliveryReport(
    [property: Id(0)] string SenderId,
    [property: Id(1)] DeliveryResult Result,
    [property: Id(2)] IReadOnlyList<Channel> Channels,
    [property: Id(3)] Common.Phrase? Error,
    [property: Id(4)] string? ToName);

/// <summary>A report with the key of the message it is about, for reporting several in one call.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.MessageReport")]
public sealed record MessageReport([property: Id(0)] string Key, [property: Id(1)] DeliveryReport Report);
