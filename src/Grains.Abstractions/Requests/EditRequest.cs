namespace MutualAid.Requests;

/// <summary>Re-triage of an open request: the changes, checked against the version the caller saw, like every command.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditRequest")]
public sealed record EditRequest(
    int ExpectedVersion,
    Actor Actor,
    [property: Id(160)] RequestChanges Changes) : VersionedCommand(ExpectedVersion, Actor);
