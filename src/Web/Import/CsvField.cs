namespace MutualAid.Web.Import;

/// <summary>
/// A field an import understands, and the spreadsheet headers that usually mean it. The name is the
/// column's name in every language (the exports write it); what to put in it is said by the page,
/// in the reader's language ("Import.Help.{kind}.{name}").
/// </summary>
public sealed record CsvField(string Name, bool Required, params string[] Aliases)
{
    public bool Matches(string header)
    {
        var h = Normalise(header);
        return h == Normalise(Name) || Aliases.Any(a => Normalise(a) == h);
    }

    private static string Normalise(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
