using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>
/// What a request grain tells its hub after every change. ContactKey lets the hub spot the same
/// person twice; it stays inside the hub grain and is never put on a board.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestNotice")]
public sealed record RequestNotice(
    [property: Id(0)] RequestSummary Summary,
    [property: Id(1)] string? ContactKey);
