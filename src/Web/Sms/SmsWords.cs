using MutualAid.Common;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Sms;

/// <summary>Says a phrase in a given language, for a reader who has no browser to choose one.</summary>
public sealed class SmsWords(IStringLocalizer<UiText> text)
{
    public string Say(string language, Phrase phrase)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Languages.Culture(language);
            return text.Say(phrase);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>For a number we know nothing about: every language we speak, English first.</summary>
    public string SayInAll(Phrase phrase) =>
        string.Join(" / ", Languages.Supported.Keys.OrderBy(l => l == Languages.Default ? 0 : 1).Select(l => Say(l, phrase)));

    /// <summary>
    /// The two-letter language of a volunteer's or requester's stated languages ("Spanish", "es",
    /// "Español"): the first one we speak, else English.
    /// </summary>
    public static string LanguageOf(IEnumerable<string?> stated)
    {
        foreach (var name in stated)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            foreach (var (code, own) in Languages.Supported)
            {
                var english = CultureInfo.GetCultureInfo(code).EnglishName;
                if (name.Equals(code, StringComparison.OrdinalIgnoreCase) || name.Equals(own, StringComparison.OrdinalIgnoreCase)
                    || name.Equals(english, StringComparison.OrdinalIgnoreCase)) return code;
            }
        }

        return Languages.Default;
    }
}
