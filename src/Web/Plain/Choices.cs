using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Plain;

public static class Choices
{
    /// <summary>Every value of an enum as a select's options: the value as sent, its words in the reader's language.</summary>
    public static IReadOnlyList<(string Value, string Text)> Of<TEnum>(IStringLocalizer<UiText> text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v.ToString(), text.Word(v))).ToList();
}
