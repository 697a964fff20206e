using MutualAid.Common;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MutualAid.Notifications;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Notifications;

/// <summary>
/// Says a message's phrase in the person's language, with the same words (UiText) the pages use,
/// and turns the app paths it carries ("/my/jobs") into links when the public address is known.
/// </summary>
public sealed class MessageRenderer(IStringLocalizer<UiText> text, IOptions<SenderOptions> options)
{
    public string Render(Phrase said, string language)
    {
        ArgumentNullException.ThrowIfNull(said);
        return In(language, () => text.Say(Linked(said)));
    }

    /// <summary>
    /// An email's subject: the hub as its people call it and what happened, by the message's kind
    /// alone, so a subject (shown in inbox lists and on lock screens) never carries a name, a number,
    /// an address or a need's words, whatever the body holds.
    /// </summary>
    public string Subject(MessageKind kind, string hubName, string language) =>
        In(language, () => text[$"MessageSubject.{kind}", hubName]);

    private static string In(string language, Func<string> say)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Languages.Culture(language);
            return say();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private Phrase Linked(Phrase said) => options.Value.PublicUrl is not { } site ? said : said with
    {
        Args = [.. said.Args.Select(a => a switch
        {
            string path when path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) => new Uri(site, path).ToString(),
            Phrase inner => Linked(inner),
            _ => a,
        })],
    };
}
