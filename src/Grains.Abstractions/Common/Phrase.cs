using System.Globalization;

namespace MutualAid.Common;

/// <summary>
/// A sentence the grains produce for people to read (a suggestion's reason, a warning), kept as a
/// key, an English template and its arguments rather than finished text, so the web tier can say
/// it in the reader's language: the key names its translation, enum arguments become their words,
/// and numbers and dates follow the reader's culture ("{0:0.#}" is "0,5" in Spanish).
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Phrase")]
public sealed record Phrase([property: Id(0)] string Key, [property: Id(1)] string English, [property: Id(2)] IReadOnlyList<object> Args)
{
    public static Phrase Of(string key, string english, params object[] args) => new(key, english, args);

    /// <summary>The English text: logs, the JSON API, and any reader without a translation.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, English, [.. Args]);
}
