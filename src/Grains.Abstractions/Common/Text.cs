namespace MutualAid.Common;

/// <summary>
/// Shared field checks so every command reports text problems the same way, whichever way the text
/// came in (a page, the public form, the JSON API, a spreadsheet): the grains apply them to every
/// command, so nothing that fails them is ever stored.
/// </summary>
public static class Text
{
    /// <param name="missing">What the reader is asked for when the field is empty (each field asks in its own words).</param>
    public static void Require(List<FieldError> errors, string field, string? value, int max, Reason missing, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value)) errors.Add(FieldError.Of(field, missing));
        else Optional(errors, field, value, max, multiLine);
    }

    public static void Optional(List<FieldError> errors, string field, string? value, int max, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && value.Length > max) errors.Add(FieldError.Of(field, Reason.TooLong, max));
        else Clean(errors, field, value, multiLine);
    }

    /// <summary>Refuses control characters; a field that holds several lines may hold line breaks and tabs.</summary>
    public static void Clean(List<FieldError> errors, string field, string? value, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsClean(value, multiLine)) errors.Add(BadCharacters(field));
    }

    /// <summary>
    /// NUL, BEL, escape sequences and the like have no business in a name or a need and often mean an
    /// attack (a truncated string in another system, a terminal recoloured when a log is read).
    /// </summary>
    public static bool IsClean(string? value, bool multiLine = false) =>
        value is null || !value.Any(c => IsUnwanted(c, multiLine));

    /// <summary>
    /// A control character, or a bidirectional embedding or override (U+202A to U+202E): those reorder
    /// everything after them on screen, so a name or a need can show other words than it holds (the
    /// "Trojan Source" trick). Right-to-left writing needs none of them; the marks (U+200E, U+200F) and
    /// isolates, which cannot leak past their text, stay allowed.
    /// </summary>
    public static bool IsUnwanted(char c, bool multiLine = false) =>
        (char.IsControl(c) && !(multiLine && c is '\t' or '\r' or '\n')) || c is >= '\u202A' and <= '\u202E';

    /// <summary>
    /// <paramref name="value"/> without what <see cref="IsClean"/> refuses: for words that are taken
    /// whatever they hold (a text asking for help is never refused for a character nobody sees).
    /// </summary>
    public static string Cleaned(string value, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsClean(value, multiLine) ? value : new string([.. value.Where(c => !IsUnwanted(c, multiLine))]);
    }

    public static FieldError BadCharacters(string field) => FieldError.Of(field, Reason.BadCharacters);

    /// <summary>
    /// Words as people mean them when they compare two ("Elm  Street " is "elm street"): case and runs
    /// of spaces do not tell two areas or two names apart.
    /// </summary>
    public static string Plain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
    }
}
