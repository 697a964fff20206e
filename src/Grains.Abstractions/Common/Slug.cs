using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MutualAid.Common;

/// <summary>Hub and region keys: lower-case, URL-safe, stable.</summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    /// <summary>
    /// The key for a name: accents come off their letters first ("Ciudad Ñandú" is ciudad-nandu, not
    /// ciudad-and); any other character is a dash.
    /// </summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var letters = name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        var chars = letters.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        var collapsed = Regex.Replace(new string(chars.ToArray()), "-+", "-").Trim('-');
        return collapsed.Length > 64 ? collapsed[..64].TrimEnd('-') : collapsed;
    }
}
