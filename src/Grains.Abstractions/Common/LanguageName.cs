namespace MutualAid.Common;

/// <summary>
/// A language as a request records it, passed as a <see cref="Phrase"/> argument so the web tier says
/// it in the reader's language ("Spanish" is "Español" on a Spanish page) rather than as stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.LanguageName")]
public sealed record LanguageName([property: Id(0)] string Recorded)
{
    /// <summary>As recorded: the phrase's English, logs and the JSON API.</summary>
    public override string ToString() => Recorded;
}
