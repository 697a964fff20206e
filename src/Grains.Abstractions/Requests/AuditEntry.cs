namespace MutualAid.Requests;

/// <summary>One append-only line of a request's history: who, when, what (a phrase, so each reader sees it in their language), why.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.AuditEntry")]
public sealed record AuditEntry
{
    public AuditEntry(int version, DateTimeOffset at, Actor actor, Phrase said, string? reason)
    {
        Version = version;
        At = at;
        Actor = actor;
        this.said = said;
        Reason = reason;
    }

    /// <summary>For callers that still hand over finished English; a <see cref="Said"/> set alongside replaces it.</summary>
    public AuditEntry(int version, DateTimeOffset at, Actor actor, string action, string? reason)
        : this(version, at, actor, AsWritten(action), reason)
    {
    }

    [Id(0)] public int Version { get; init; }

    [Id(1)] public DateTimeOffset At { get; init; }

    [Id(2)] public Actor Actor { get; init; }

    /// <summary>Why, as a person typed it, or the English of <see cref="ReasonSaid"/> when the system gave the reason.</summary>
    [Id(4)] public string? Reason { get; init; }

    /// <summary>Why, when the system wrote it (a deadline passed, a claim lapsed), in the reader's language; none for a typed reason.</summary>
    [Id(6)] public Phrase? ReasonSaid { get; init; }

    // Entries written before phrases existed hold only their English here; newer ones leave it empty.
#pragma warning disable CS0649 // only the serializer sets it, reading those entries
    [Id(3)] private readonly string? legacyAction;
#pragma warning restore CS0649

    [Id(5)] private readonly Phrase? said;

    /// <summary>What was done. Entries from before phrases existed say their English as it was written.</summary>
    public Phrase Said
    {
        get => said ?? AsWritten(legacyAction ?? "");
        init => said = value;
    }

    /// <summary>The English of <see cref="Said"/>, for logs, exports and the JSON API.</summary>
    public string Action => Said.ToString();

    /// <summary>Text kept as written, in no particular language: every language shows it unchanged.</summary>
    public static Phrase AsWritten(string text) => Phrase.Of("AsWritten", "{0}", text);
}
