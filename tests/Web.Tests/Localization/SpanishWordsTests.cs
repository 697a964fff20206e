using System.Text.RegularExpressions;
using MutualAid.Safety;
using MutualAid.Web.Safety;
using static MutualAid.Web.Tests.Localization.Localized;

namespace MutualAid.Web.Tests.Localization;

/// <summary>
/// Spanish speaks to the reader as tú on every page ("Revisa los campos"); counted sentences read
/// "1 tarea", not "1 tareas"; the checks a hub starts with read in the reader's language.
/// </summary>
public sealed partial class SpanishWordsTests
{
    private static readonly string ResourceDir = Path.Combine(Repository.Root, "src", "Web", "Resources", "Localization");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(ResourceDir, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    // Forms of usted the Spanish words once mixed with tú; "su" alone is not one (it is also "their").
    [GeneratedRegex(@"\b(?:[Uu]sted|Escriba|Ponga|Elija|Diga|[Dd]iga brevemente|Dé|Use un|Pida|Cuente|cuéntenos|Puede cambiar|Su voto|revierta|registre|deje|objeta\b|propone\?|Gastó)\b")]
    private static partial Regex Usted();

    [Fact]
    public void Spanish_speaks_to_the_reader_as_tu_everywhere()
    {
        var usted = Load("UiText.es.resx").Where(e => Usted().IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}");

        Assert.Empty(usted);
    }

    [GeneratedRegex(@"\bT\.Counted(?:By)?\(\s*""(?<key>[A-Za-z.]+)""")]
    private static partial Regex CountedUse();

    [Fact]
    public void Every_counted_sentence_has_its_singular_in_every_language()
    {
        var keys = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Web"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => CountedUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value)).Distinct().ToArray();
        Assert.Contains("Volunteer.TimeBank", keys);
        foreach (var file in new[] { "UiText.resx", "UiText.es.resx" })
        {
            var words = Load(file);
            Assert.DoesNotContain(keys.SelectMany(k => new[] { k, k + ".One" }), k => !words.ContainsKey(k));
        }
    }

    [Theory]
    [InlineData("en", 1, "Time bank: — · 1 job in all")]
    [InlineData("en", 2, "Time bank: — · 2 jobs in all")]
    [InlineData("es", 1, "Banco de tiempo: — · 1 tarea en total")]
    [InlineData("es", 0, "Banco de tiempo: — · 0 tareas en total")]
    public void A_count_of_one_is_singular(string culture, int jobs, string expected) =>
        Assert.Equal(expected, In(culture, () => Words.CountedBy("Volunteer.TimeBank", jobs, "—", jobs)));

    [Fact]
    public async Task A_default_check_reads_in_spanish_and_a_hubs_own_check_as_it_was_named()
    {
        await In("es", async () =>
        {
            await using var context = new BunitContext();
            context.Services.AddSingleton(Words);
            var seen = DateTimeOffset.UtcNow.AddDays(-1);
            var vetting = new VolunteerVetting(Guid.NewGuid(), "hub", [
                new CheckRecord(VettingPolicy.SafeguardingTraining, seen, null, Actor.System, seen),
                new CheckRecord("Carnet de conducir", seen, null, Actor.System, seen),
            ], [], DateTimeOffset.UtcNow);

            var list = context.Render<VettingChecks>(p => p.Add(x => x.Vetting, vetting));

            var items = list.FindAll("[data-testid=vetting-check-list] li").Select(li => li.TextContent.Trim().Split(" · ")[0]).ToArray();
            Assert.Equal(["Formación en protección", "Carnet de conducir"], items);
        });
    }
}
