using System.Globalization;

namespace MutualAid.Web.Layout;

/// <summary>Hours given, as a person types them into an hours field or a browser with no script posts them.</summary>
/// <remarks>
/// The field's own parsing follows the page's culture, so on an English page "1,5" read as 15 hours and an emptied field as the least
/// allowed, both without a word. No hours figure needs a thousands separator, so a comma is a
/// decimal point in every language, and what is not a number is NaN, which the page refuses out loud.
/// The fields carry no Min/Max either: the numeric clamps an emptied field to its Min without calling
/// this, so the range is the page's check (<see cref="MutualAid.Requests.FulfilCommand.HoursInRange"/>), said in words.
/// </remarks>
public static class HoursTyped
{
    public static double Read(string? text) =>
        double.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : double.NaN;
}
