using System.Text.RegularExpressions;

namespace MutualAid.Common;

/// <summary>Hub and region keys: lower-case, URL-safe, stable.</summary>
public static partial class Slug
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is not null && Pattern().IsMatch(slug);

    public static string From(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        var collapsed = Regex.Replace(new string(chars.ToArray()), "-+", "-").Trim('-');
        return collapsed.Length > 64 ? collapsed[..64].TrimEnd('-') : collapsed;
    }
}
