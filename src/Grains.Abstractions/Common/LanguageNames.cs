using System.Globalization;

namespace MutualAid.Common;

/// <summary>
/// People write a language as "Spanish", "español", "es" or "es-MX"; a volunteer who lists one
/// speaks the requester's whichever way either wrote it. Unknown names compare as written
/// (ignoring case), so a language the runtime does not know still matches itself.
/// </summary>
public static class LanguageNames
{
    private static readonly Lazy<Dictionary<string, string>> Known = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.NeutralCultures))
        {
            if (culture.TwoLetterISOLanguageName is not { Length: 2 } code) continue;
            foreach (var name in new[] { code, culture.ThreeLetterISOLanguageName, culture.EnglishName, culture.NativeName })
            {
                if (!string.IsNullOrWhiteSpace(name)) names.TryAdd(name.Trim(), code);
            }
        }

        return names;
    });

    /// <summary>A language's two-letter code when the name is known ("Español" → "es"), else the name trimmed.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (Known.Value.TryGetValue(trimmed, out var code)) return code;
        // "es-MX", "pt_BR": the language is the part before the region.
        var cut = trimmed.IndexOfAny(['-', '_']);
        return cut > 0 && Known.Value.TryGetValue(trimmed[..cut], out code) ? code : trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// How a request records a language: a known one by its English name ("es", "español", "es-MX" →
    /// "Spanish"), which every board says in its reader's language and the CSV export writes one way;
    /// any other as written ("Tigrinya dialect"). Blank is none.
    /// </summary>
    public static string? Recorded(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var key = Key(name);
        return key.Length == 2 && Known.Value.ContainsKey(key) ? CultureInfo.GetCultureInfo(key).EnglishName : name.Trim();
    }

    public static bool Same(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.OrdinalIgnoreCase);
}
