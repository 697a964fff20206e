using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MutualAid.Common;

/// <summary>
/// Text from outside (a slug in a URL, an email typed into a form, an exception message that quotes
/// one) on its way into a log or into an exception message that will be logged. A log line must not
/// be forged with a line break, recolour a terminal with an escape sequence, hide text behind a
/// right-to-left mark, or grow by kilobytes because someone sent a long URL: so it is cut to a
/// bound and every invisible or control character is written as \uXXXX.
/// </summary>
public static class LogSafe
{
    public const int DefaultMax = 64;

    public static string Bound(string? value, int max = DefaultMax)
    {
        if (value is null) return "(null)";
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var shown = Math.Min(value.Length, max);
        // Do not cut a surrogate pair in two: its first half alone would be escaped as a stray.
        if (shown < value.Length && shown > 0 && char.IsHighSurrogate(value[shown - 1])) shown--;
        var text = new StringBuilder(shown + 16);
        for (var i = 0; i < shown; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (NeedsEscape(c))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        if (shown < value.Length) text.Append("…(+").Append((value.Length - shown).ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        return text.ToString();
    }

    /// <summary>
    /// An account as a log line may name it. Accounts are keyed by email, and an email is personal
    /// data that logs must not hold, so one becomes "acct:" and the start of a hash of it: the same
    /// account reads the same in every line and every process (operators can follow it, and find
    /// it again from an address they are given), but the log alone names nobody. Ids that are no
    /// email ("token:…", "system", "setup") are kept as they are.
    /// </summary>
    public static string Account(string? userId)
    {
        if (userId is null) return "(null)";
        if (!userId.Contains('@', StringComparison.Ordinal)) return Bound(userId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("MutualAid account:" + userId.Trim().ToLowerInvariant()));
        return "acct:" + Convert.ToHexStringLower(hash, 0, 6);
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
