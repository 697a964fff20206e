namespace MutualAid.Api;

/// <summary>An HTTP answer as it was sent, with a fingerprint of the body it answered.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.IdempotentAnswer")]
public sealed record IdempotentAnswer(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] int Status,
    [property: Id(2)] string? ContentType,
    [property: Id(3)] byte[] Body,
    [property: Id(4)] string? Location,
    [property: Id(5)] DateTimeOffset At);
