namespace MutualAid.Requests;

/// <summary>Re-triage of an open request: the changes, checked against the version the caller saw, like every command.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditRequest")]
public sealed record EditRequest(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(160)] RequestChanges Changes) : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}
