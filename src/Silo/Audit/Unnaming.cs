using System.Text.RegularExpressions;

namespace MutualAid.Silo.Audit;

/// <summary>Takes an erased person's name out of what a history said about them.</summary>
internal static class Unnaming
{
    /// <summary>
    /// <paramref name="phrase"/> with the erased name in place of <paramref name="name"/>: an argument
    /// that is the name, or the name inside text kept as written (older entries).
    /// </summary>
    public static Phrase Unnamed(Phrase phrase, string name) => phrase with
    {
        Args = [.. phrase.Args.Select(a => a switch
        {
            string s when s == name => ContactDetails.ErasedName,
            string s when phrase.Key == "AsWritten" => s.Replace(name, ContactDetails.ErasedName, StringComparison.Ordinal),
            _ => a,
        })],
    };

    /// <summary>
    /// What a person typed (a note, a reason) with each of <paramref name="names"/> as a whole word,
    /// in any case, made the erased name: "zephyrine left it" names her as much as "Zephyrine".
    /// </summary>
    public static string? InText(string? text, IEnumerable<string> names) =>
        text is null ? null : names.Aggregate(text, (said, name) =>
            Regex.Replace(said, $@"(?<!\w){Regex.Escape(name)}(?!\w)", ContactDetails.ErasedName, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
