namespace MutualAid.Requests;

/// <summary>What every request command carries to be limited to the hub (and volunteer) it was authorised for.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ScopedCommand")]
public abstract record ScopedCommand : IScopedCommand
{
    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }
}

/// <summary>
/// A change of a request: who makes it, on the version they saw, so a stale command is answered
/// with a conflict rather than silently overwriting someone's work.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VersionedCommand")]
public abstract record VersionedCommand([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor) : ScopedCommand
{
    /// <summary>The longest reason a person may give for a change: the audit keeps every one for good.</summary>
    public const int MaxReason = 500;
}
