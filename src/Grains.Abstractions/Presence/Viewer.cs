namespace MutualAid.Presence;

/// <summary>One open board (a browser tab or a wall display), and the request it is dispatching, if any.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Viewer")]
public sealed record Viewer(
    [property: Id(0)] string ViewerId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] Guid? Dispatching,
    [property: Id(4)] DateTimeOffset LastSeen);
