using static MutualAid.Web.Tests.Localization.Localized;

namespace MutualAid.Web.Tests.Localization;

/// <summary>Sentences the grains send as phrases read in the reader's language, arguments included.</summary>
public sealed class PhraseRenderingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Conflict Assigned(Phrase? said) =>
        new(3, 4, new Actor("sam", "Sam"), said ?? AuditEntry.AsWritten("assigned this to Priya"), Now.AddSeconds(-4));

    [Fact]
    public void A_conflict_reads_the_same_in_english_as_before_and_in_spanish_in_spanish()
    {
        var conflict = Assigned(Phrase.Of("DidAssign", "assigned this to {0}", "Priya"));

        Assert.Equal("Sam assigned this to Priya 4 s ago", In("en", () => Words.Describe(conflict, Now, TimeZoneInfo.Utc)));
        Assert.Equal("Sam la asignó a Priya hace 4 s", In("es", () => Words.Describe(conflict, Now, TimeZoneInfo.Utc)));
        // An entry written before phrases existed still reads, in its recorded English.
        Assert.Equal("Sam assigned this to Priya hace 4 s", In("es", () => Words.Describe(Assigned(null), Now, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void A_conflict_older_than_an_hour_says_when_in_the_hubs_zone_not_the_servers()
    {
        var conflict = new Conflict(3, 4, new Actor("sam", "Sam"), Phrase.Of("DidAssign", "assigned this to {0}", "Priya"), Now.AddHours(-3));
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        // 09:00 UTC is 18:00 in Tokyo; the server (UTC here, as deployed) would have said 09:00.
        Assert.Equal("Sam la asignó a Priya el 25/11/2026 18:00", In("es", () => Words.Describe(conflict, Now, tokyo)));
    }

    [Fact]
    public void Enum_arguments_become_words_numbers_follow_the_culture_and_nested_phrases_are_said_too()
    {
        var triaged = Phrase.Of("DidTriageUrgency", "triaged this (urgency {0} → {1})", Urgency.Normal, Urgency.Critical);
        var hours = Phrase.Of("Hours", "{0:0.#} of {1:0.#} h this week", 2.5, 10.0);
        var merged = Phrase.Of("FromMerged", "[{0}] {1}", "ABC-123", triaged);

        Assert.Equal("la clasificó (urgencia Normal → Crítica)", In("es", () => Words.Say(triaged)));
        Assert.Equal("2,5 de 10 h esta semana", In("es", () => Words.Say(hours)));
        Assert.Equal("2.5 of 10 h this week", In("en", () => Words.Say(hours)));
        Assert.Equal("[ABC-123] la clasificó (urgencia Normal → Crítica)", In("es", () => Words.Say(merged)));
        Assert.Equal("[ABC-123] triaged this (urgency Normal → Critical)", merged.ToString());
    }

    [Fact]
    public void A_duplicate_note_and_the_audit_reason_it_leaves_are_said_in_spanish()
    {
        var samePhone = Reason.SamePhone.Say();
        var sameNeed = Reason.SameAreaAndCategory.Say(RequestCategory.Food);
        var why = Reason.PossibleDuplicateOf.Say(Reasons.List([
            Reason.DuplicateOfBecause.Say("ABC-123", samePhone),
            Reason.DuplicateOfBecause.Say("DEF-456", sameNeed),
        ]));

        Assert.Equal("mismo teléfono", In("es", () => Words.Say(samePhone)));
        Assert.Equal("Possible duplicate of ABC-123 (same phone), DEF-456 (same area and category (Food))", why.ToString());
        Assert.Equal("Posible duplicado de ABC-123 (mismo teléfono), DEF-456 (misma zona y categoría (Comida))", In("es", () => Words.Say(why)));
    }

    [Fact]
    public void A_reason_the_system_wrote_is_said_in_spanish_and_one_a_person_typed_stays_as_typed()
    {
        var overdue = Reason.NotAssignedInTime.Say(15.0, Urgency.Critical);

        Assert.Equal("Not assigned within 15 min (Critical).", overdue.ToString());
        Assert.Equal("No se asignó en 15 min (Crítica).", In("es", () => Words.Say(overdue, overdue.ToString())));
        Assert.Equal("sorted by family", In("es", () => Words.Say(null, "sorted by family")));
    }

    [Fact]
    public void A_field_error_is_coded_and_said_in_spanish()
    {
        var tooLong = new NewRequest("elm", RequestCategory.Food, Urgency.Normal, new string('x', 201), "Bread", new ContactDetails("Mo", "07700 900123", null, null), RequestSource.PhoneIntake, new Actor("sam", "Sam"))
            .Validate(Now);

        var error = Assert.Single(tooLong);
        Assert.Equal((nameof(NewRequest.Area), Reason.TooLong, "Keep it under 200 characters."), (error.Field, error.Reason, error.Message));
        Assert.Equal("Mantenlo por debajo de 200 caracteres.", In("es", () => Words.Say(error)));
    }

    [Fact]
    public void A_requesters_language_recorded_by_the_public_form_reads_in_the_readers_language_and_a_typed_one_as_typed()
    {
        // What /ask and SMS record for someone writing in Spanish.
        var recorded = In("es", () => MutualAid.Web.Localization.Languages.CurrentLanguageName);

        Assert.Equal("Español", In("es", () => Words.Language(recorded)));
        Assert.Equal("Spanish", In("en", () => Words.Language(recorded)));
        Assert.Equal("Inglés", In("es", () => Words.Language("English")));
        Assert.Equal("Tigrinya", In("es", () => Words.Language("Tigrinya")));
        Assert.Equal("", In("es", () => Words.Language(null)));
        // The volunteer suggestions pass it typed, so any phrase says it the same way; a plain string stays as written.
        Assert.Equal("Habla Español", In("es", () => Words.Say(Phrase.Of("Speaks", "Speaks {0}", new LanguageName(recorded)))));
        Assert.Equal("Speaks Tigrinya", In("en", () => Words.Say(Phrase.Of("Speaks", "Speaks {0}", new LanguageName("Tigrinya")))));
        Assert.Equal("Habla Spanish", In("es", () => Words.Say(Phrase.Of("Speaks", "Speaks {0}", "Spanish"))));
    }
}
