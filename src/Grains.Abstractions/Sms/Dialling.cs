using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace MutualAid.Sms;

/// <summary>
/// How a number as someone typed it is dialled: E.164 ("+34611222333"), the only form Twilio takes and
/// the form every inbound text's From has. People type numbers the way they say them at home ("611 222
/// 333", "07700 900123"); such a number is read by the hub's country. The typed number stays as it was
/// (people read it back in that form); this is applied where the number is used. The rules are
/// libphonenumber's: trunk prefixes, "(0)" after a country code and each country's lengths are too many
/// to get right by hand.
/// </summary>
public static class Dialling
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The ISO 3166 alpha-2 codes ("ES", "GB", "US") of every country whose numbers can be read.</summary>
    public static IReadOnlyCollection<string> Countries { get; } = [.. Numbers.GetSupportedRegions().Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="code"/> names a country numbers can be read by (upper case, as ISO writes it).</summary>
    public static bool IsCountry([NotNullWhen(true)] string? code) => code is not null && Numbers.GetSupportedRegions().Contains(code);

    /// <summary>Whether the number says its own country: "+…", which needs no hub country to read.</summary>
    public static bool IsInternational(string? typed) => typed?.TrimStart().StartsWith('+') == true;

    /// <summary>
    /// Whether a number typed without "+" would be one read by some country other than
    /// <paramref name="country"/>: a foreign number typed the way it is said at home ("07700 900123" in
    /// a Spanish hub), which its country code would make dialable, rather than no number at all.
    /// </summary>
    public static bool IsOfAnotherCountry(string? typed, string? country) =>
        !string.IsNullOrWhiteSpace(typed) && !IsInternational(typed)
        // Some country has a possible number of almost any length; fewer digits than any phone we take is none.
        && typed.Count(char.IsAsciiDigit) >= 6
        && Countries.Any(other => other != country && E164(typed, other) is not null);

    /// <summary>
    /// The number in E.164, read by <paramref name="country"/> when it has no "+"; null when it cannot be
    /// read (no "+" and no country, or not a possible number in its country). Possible, not valid:
    /// validity follows each country's allocations, which change faster than this library is updated,
    /// and refusing a newly issued mobile range would silence real people.
    /// </summary>
    public static string? E164(string? typed, string? country)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (!IsInternational(typed) && !IsCountry(country)) return null;
        try
        {
            var number = Numbers.Parse(typed, IsCountry(country) ? country : "ZZ");
            return Numbers.IsPossibleNumber(number) ? Numbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
