namespace MutualAid.Web.Import;

/// <summary>
/// A field an import understands, and the spreadsheet headers that usually mean it. The name is the
/// column's name in every language (the exports write it); what to put in it is said by the page,
/// in the reader's language ("Import.Help.{kind}.{name}").
/// </summary>
public sealed record CsvField(string Name, bool Required, params string[] Aliases)
{
    /// <summary>The fixed choice (an enum) the column holds, whose words may be in any language the app speaks (<see cref="ImportWords"/>).</summary>
    public Type? Choices { get; init; }

    public bool Matches(string header)
    {
        var h = Normalise(header);
        return h == Normalise(Name) || Aliases.Any(a => Normalise(a) == h);
    }

    /// <summary>Letters and digits only, lower case, without accents: "Teléfono", "telefono" and "TELÉFONO " are one header.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bare = text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new(bare.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }
}
