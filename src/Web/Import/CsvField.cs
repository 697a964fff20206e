namespace MutualAid.Web.Import;

/// <summary>A field an import understands, and the spreadsheet headers that usually mean it.</summary>
public sealed record CsvField(string Name, bool Required, string Help, params string[] Aliases)
{
    public bool Matches(string header)
    {
        var h = Normalise(header);
        return h == Normalise(Name) || Aliases.Any(a => Normalise(a) == h);
    }

    private static string Normalise(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
