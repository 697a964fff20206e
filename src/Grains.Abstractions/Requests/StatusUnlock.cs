namespace MutualAid.Requests;

/// <summary>
/// A hub's coordinator or dispatcher unlocked the request's /status code (<see cref="IStatusProofGrain.Unlock"/>):
/// scoped like any request command, so a request of another hub answers as one that does not exist.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.StatusUnlock")]
public sealed record StatusUnlock([property: Id(0)] Actor Actor) : ScopedCommand;
