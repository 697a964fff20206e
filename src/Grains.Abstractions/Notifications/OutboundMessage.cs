namespace MutualAid.Notifications;

/// <summary>
/// A message a grain decided to send, written in the same state write as the change that caused
/// it. The words stay a <see cref="Common.Phrase"/> until sending, when they are said in
/// <see cref="Language"/>.
/// </summary>
/// <param name="Key">
/// Deterministic from the cause (<see cref="KeyFor"/>), so the same decision handed again after a
/// crash is the same message: the outbox keeps one per key and channels pass it as idempotency key.
/// </param>
/// <param name="Hub">The hub whose outbox sends it (and whose coordinators see it there).</param>
[GenerateSerializer, Immutable, Alias("MutualAid.OutboundMessage")]
public sealed record OutboundMessage(
    [property: Id(0)] string Key,
    [property: Id(1)] string Hub,
    [property: Id(2)] MessageKind Kind,
    [property: Id(3)] Recipient To,
    [property: Id(4)] Common.Phrase Said,
    [property: Id(5)] string Language,
    [property: Id(6)] bool Critical,
    [property: Id(7)] DateTimeOffset DecidedAt)
{
    /// <summary>The request it is about, when there is one (the sender adds the address only while the volunteer still holds it).</summary>
    [Id(8)] public Guid? RequestId { get; init; }

    public static string KeyFor(string cause, int version, MessageKind kind, Recipient to) => $"{cause}:{version}:{kind}:{to}";

    /// <summary>The version of its cause a key was decided at (<see cref="KeyFor"/>); null for a key of another shape.</summary>
    public static int? VersionOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split(':', 3);
        return parts.Length == 3 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>"en" or "es": the languages messages are written in; anything else reads English.</summary>
    public static string LanguageOf(string? preferred) =>
        preferred is { Length: > 0 } name && Common.LanguageNames.Key(name) == "es" ? "es" : "en";
}
