using System.Globalization;
using System.Text.RegularExpressions;

namespace MutualAid.Web.Fund;

/// <summary>
/// An amount of money as a treasurer types it. "." and "," both mean "the cents follow" because
/// people copy receipts, bank apps and spreadsheets in whichever convention those use, and reading
/// "12.34" as a thousands group on a Spanish page recorded 100 times the money. So the one rule, the
/// same in every language: digits, then at most one "." or "," followed by one or two digits.
/// Anything that could be read two ways ("1.234", "1.234,50", "1 234") is refused with a message,
/// never guessed: a fund must not record the wrong amount silently.
/// </summary>
public static partial class AmountText
{
    public static bool TryRead(string? text, out decimal amount)
    {
        amount = 0;
        var match = Shape().Match(text?.Trim() ?? "");
        if (!match.Success) return false;
        var cents = match.Groups["cents"].Value;
        return decimal.TryParse(cents.Length == 0 ? match.Groups["whole"].Value : $"{match.Groups["whole"].Value}.{cents}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    [GeneratedRegex(@"^(?<whole>[0-9]{1,12})(?:[.,](?<cents>[0-9]{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
