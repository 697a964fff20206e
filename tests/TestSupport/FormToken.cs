using System.Text.RegularExpressions;

namespace MutualAid.TestSupport;

/// <summary>The antiforgery token a server-rendered form carries, for tests that post forms as a browser would.</summary>
public static partial class FormToken
{
    public const string FieldName = "__RequestVerificationToken";

    /// <summary>The first form's token on the page, or "" when there is none.</summary>
    public static string In(string html) => Pattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Pattern();
}
