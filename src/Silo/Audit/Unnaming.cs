using System.Text.RegularExpressions;

namespace MutualAid.Silo.Audit;

/// <summary>Takes an erased person's name out of what a history said about them.</summary>
internal static class Unnaming
{
    /// <summary>
    /// The names to look for when a person is erased: each of <paramref name="names"/>, then each
    /// one's first word when it could be a given name. People write "Zephyrine left the bags" and
    /// the requester is told "Zephyrine is on her way" (<see cref="Requests.RequestMessages.FirstName"/>),
    /// so the full name alone leaves her named. Full names come first, so "Zephyrine Okafor" goes
    /// whole rather than leaving "[erased] Okafor". Within the texts of the requests she worked on,
    /// another person of the same first name is unnamed too: privacy errs that way.
    /// </summary>
    public static string[] WithFirstNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var full = names.Select(n => n.Trim()).Where(n => n.Length > 0 && n != ContactDetails.ErasedName).ToArray();
        var first = full.Select(Requests.RequestMessages.FirstName).Where(PlausibleName);
        return [.. full.Concat(first).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// An initial ("J.") or a stray mark would take every such letter out of whatever was written:
    /// a word is taken as a given name only with two letters or more.
    /// </summary>
    private static bool PlausibleName(string word) => word != ContactDetails.ErasedName && word.Count(char.IsLetter) >= 2;

    /// <summary>
    /// <paramref name="phrase"/> with the erased name in place of <paramref name="name"/>: an argument
    /// that is the name, in any case, or the name as a word inside text kept as written (older entries).
    /// </summary>
    public static Phrase Unnamed(Phrase phrase, string name) => phrase with
    {
        Args = [.. phrase.Args.Select(a => a switch
        {
            string s when string.Equals(s, name, StringComparison.OrdinalIgnoreCase) => ContactDetails.ErasedName,
            string s when phrase.Key == "AsWritten" => InText(s, [name])!,
            _ => a,
        })],
    };

    /// <summary>
    /// A reason given as a phrase carries what someone typed among its arguments ("Cancelled to
    /// erase personal data: {0}"): each text argument loses <paramref name="names"/> as words.
    /// </summary>
    public static Phrase UnnamedReason(Phrase reason, IReadOnlyList<string> names) => reason with
    {
        Args = [.. reason.Args.Select(a => a is string s ? InText(s, names)! : a)],
    };

    /// <summary>Whether any text argument of <paramref name="said"/> holds one of <paramref name="names"/> as a word, in any case.</summary>
    public static bool Mentions(Phrase said, IReadOnlyList<string> names) =>
        said.Args.OfType<string>().Any(s => !string.Equals(s, InText(s, names), StringComparison.Ordinal));

    /// <summary>
    /// What a person typed (a note, a reason) with each of <paramref name="names"/> as a whole word,
    /// in any case, made the erased name: "zephyrine left it" names her as much as "Zephyrine".
    /// </summary>
    public static string? InText(string? text, IEnumerable<string> names) =>
        text is null ? null : names.Aggregate(text, (said, name) =>
            Regex.Replace(said, $@"(?<!\w){Regex.Escape(name)}(?!\w)", ContactDetails.ErasedName, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
