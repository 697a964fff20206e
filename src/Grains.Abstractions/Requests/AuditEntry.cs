using MutualAid.Common;

namespace MutualAid.Requests;

/// <summary>One append-only line of a request's history: who, when, what, why.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Reason)
{
    /// <summary>
    /// The action as a phrase, so a reader sees it in their language; <see cref="Action"/> keeps the
    /// English (entries written before phrases existed have only that).
    /// </summary>
    [Id(5)] public Common.Phrase? Said { get; init; }
}
