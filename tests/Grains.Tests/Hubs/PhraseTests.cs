namespace MutualAid.Grains.Tests.Hubs;

public sealed class PhraseTests
{
    private static readonly Phrase EveryKindOfArgument = Phrase.Of("Test", "{0} {1} {2:HH:mm} {3:0.##} {4:0.#} {5} {6:yyyy-MM-dd} {7} {8}",
        RequestCategory.Medicine, DayOfWeek.Tuesday, new TimeOnly(9, 30), 2.5m, 0.5, 3, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), "Mill Lane",
        new LanguageName("Spanish"));

    [Fact]
    public void A_phrase_reads_in_plain_english_without_a_translation() =>
        Assert.Equal("Medicine Tuesday 09:30 2.5 0.5 3 2026-11-24 Mill Lane Spanish", EveryKindOfArgument.ToString());

    [Fact]
    public void Every_kind_of_argument_the_matchers_use_survives_the_orleans_serializer()
    {
        // Reasons cross from silo to web inside suggestions; an argument type without a codec would fail that call.
        using var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(Phrase).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var suggestion = new Suggestion<VolunteerSummary>(
            new VolunteerSummary(Guid.NewGuid(), 1, "V", ["h"], [RequestCategory.Medicine], ["Spanish"], false, true, 0, 2, 0, 8), 1.5, [EveryKindOfArgument], []);

        var back = serializer.Deserialize<Suggestion<VolunteerSummary>>(serializer.SerializeToArray(suggestion));

        var phrase = Assert.Single(back!.Reasons);
        Assert.Equal(EveryKindOfArgument.ToString(), phrase.ToString());
        Assert.Equal(EveryKindOfArgument.Args.Select(a => a.GetType()), phrase.Args.Select(a => a?.GetType()));
    }
}
