using Microsoft.Extensions.Localization;

namespace MutualAid.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>
    /// An enum value in the reader's language: key "Urgency.Critical". Every value of every enum
    /// the interface shows has a key in each language (a test enumerates them).
    /// </summary>
    public static string Word<TEnum>(this IStringLocalizer<UiText> text, TEnum value) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"{typeof(TEnum).Name}.{value}"];
    }

    /// <summary>The localised words of an enum whose name is only known from a string (e.g. a category in a chart row).</summary>
    public static string WordFor(this IStringLocalizer<UiText> text, string enumName, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = text[$"{enumName}.{value}"];
        return found.ResourceNotFound ? value : found;
    }
}
