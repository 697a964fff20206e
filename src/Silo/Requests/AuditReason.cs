namespace MutualAid.Silo.Requests;

/// <summary>
/// Why a change was made: as a person typed it (kept as written), or a phrase the system wrote
/// (a deadline passed, a claim lapsed), which each reader sees in their own language.
/// </summary>
internal readonly record struct AuditReason(string? Typed, Phrase? Said)
{
    /// <summary>The English kept on the audit entry beside the phrase: logs, exports, the JSON API.</summary>
    public string? English => Said?.ToString() ?? Typed;

    public static implicit operator AuditReason(string? typed) => new(typed, null);

    public static implicit operator AuditReason(Phrase? said) => new(null, said);
}
