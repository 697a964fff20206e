namespace MutualAid.Web.Tests.Localization;

/// <summary>
/// Every language is complete: a key used anywhere in the web project, or an enum value the
/// interface shows, missing from any language's resource file fails here, as does a translation
/// that drops or invents a placeholder.
/// </summary>
public sealed partial class ResourceKeyTests
{
    private static readonly string Root = Repository.Root;
    private static readonly string ResourceDir = Path.Combine(Root, "src", "Web", "Resources", "Localization");

    private static Dictionary<string, string> Load(string culture)
    {
        var file = Path.Combine(ResourceDir, culture.Length == 0 ? "UiText.resx" : $"UiText.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    public static TheoryData<string> Translations => new(Languages.Supported.Keys.Where(c => c != Languages.Default));

    public static TheoryData<string> EveryLanguage => new(Languages.Supported.Keys);

    [GeneratedRegex(@"(?:\b(?:T|t|Text\(http\))\[|\btext\()\s*""(?<key>[A-Za-z]+\.[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"Phrase\.Of\(\s*""(?<key>\w+)"",\s*""(?<english>[^""]*)""")]
    private static partial Regex PhraseUse();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static IEnumerable<(string File, string Key)> KeysUsedInSource() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", "Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Root, f), m.Groups["key"].Value)));

    private static IEnumerable<string> EnumKeys() =>
        new[] { typeof(Urgency), typeof(RequestStatus), typeof(RequestCategory), typeof(RequestSource), typeof(AssignmentState), typeof(RepeatEvery), typeof(OfferKind), typeof(OfferStatus), typeof(Role), typeof(RequestAction), typeof(ResultStatus), typeof(NoteKind), typeof(MutualAid.Fund.FundEntryKind), typeof(MutualAid.Notifications.MessageKind) }
            .SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}"));

    [Fact]
    public void The_source_uses_keys_the_scan_can_see()
    {
        // Guards the guard: if the pattern stopped matching, every other check here would pass vacuously.
        Assert.True(KeysUsedInSource().Select(k => k.File).Distinct().Count() >= 8);
    }

    [Fact]
    public void Every_key_the_source_uses_is_in_the_default_language()
    {
        var english = Load("");
        var missing = KeysUsedInSource().Where(k => !english.ContainsKey(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing in UiText.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_enum_value_the_interface_shows_has_words_in_the_default_language()
    {
        var english = Load("");
        var missing = EnumKeys().Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Enum values without words:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_language_has_every_key_with_a_non_empty_text(string culture)
    {
        var english = Load("");
        var translated = Load(culture);
        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
        var stray = translated.Keys.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"Missing or empty in UiText.{culture}.resx:\n" + string.Join("\n", missing));
        Assert.True(stray.Count == 0, $"In UiText.{culture}.resx but not in UiText.resx:\n" + string.Join("\n", stray));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_keeps_exactly_the_placeholders_of_the_original(string culture)
    {
        var english = Load("");
        var translated = Load(culture);
        static string Holes(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));
        var wrong = english.Where(e => translated.TryGetValue(e.Key, out var t) && Holes(t) != Holes(e.Value))
            .Select(e => $"{e.Key}: '{e.Value}' vs '{translated[e.Key]}'").ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_phrase_the_grains_say_has_a_translation_key_matching_its_english()
    {
        var english = Load("");
        var phrases = Directory.EnumerateFiles(Path.Combine(Root, "src", "Silo"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => PhraseUse().Matches(File.ReadAllText(f)).Select(m => (Key: "Phrase." + m.Groups["key"].Value, English: m.Groups["english"].Value)))
            .ToList();
        Assert.True(phrases.Count >= 10, "The scan for Phrase.Of found too few phrases to be working.");
        var wrong = phrases.Where(p => !english.TryGetValue(p.Key, out var text) || text != p.English).Select(p => $"{p.Key}: \"{p.English}\"").ToList();
        Assert.True(wrong.Count == 0, "Missing from UiText.resx or different from the grain's English:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(EveryLanguage))]
    public void Every_kind_of_message_has_an_email_subject_that_names_the_hub_and_nothing_else(string culture)
    {
        // Any kind can go by email (a volunteer or requester may choose it, coordinators always get it),
        // and the sender fills in the hub's name alone: a subject with another hole would carry the
        // key or throw, and one without {0} would not say which hub writes.
        var words = Load(culture == Languages.Default ? "" : culture);
        var wrong = Enum.GetNames<MutualAid.Notifications.MessageKind>()
            .Where(kind => !words.TryGetValue($"MessageSubject.{kind}", out var subject) || string.IsNullOrWhiteSpace(subject)
                || string.Join(",", Placeholder().Matches(subject).Select(m => m.Value)) != "{0}")
            .ToList();
        Assert.True(wrong.Count == 0, $"Kinds without a subject naming only the hub in {culture}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_reason_code_has_its_english_template_as_the_default_words()
    {
        // With Every_language_has_every_key_with_a_non_empty_text this makes a code without words in
        // any language fail: readers would otherwise get the grain's English.
        var english = Load("");
        var wrong = Enum.GetValues<Reason>().Where(r => r != Reason.None)
            .Where(r => !english.TryGetValue("Phrase." + Reasons.Key(r), out var text) || text != Reasons.English(r))
            .Select(r => $"Phrase.{Reasons.Key(r)}: \"{Reasons.English(r)}\"").ToList();
        Assert.True(wrong.Count == 0, "Reason codes missing from UiText.resx or different from their English:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_reason_key_in_the_resources_names_a_reason_code()
    {
        var codes = Enum.GetNames<Reason>().Select(n => $"Phrase.Reason.{n}").ToHashSet(StringComparer.Ordinal);
        var stray = Load("").Keys.Where(k => k.StartsWith("Phrase.Reason.", StringComparison.Ordinal) && !codes.Contains(k)).ToList();
        Assert.True(stray.Count == 0, "Words for reason codes that no longer exist:\n" + string.Join("\n", stray));
    }
}
