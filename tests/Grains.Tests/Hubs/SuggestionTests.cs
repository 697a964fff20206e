namespace MutualAid.Grains.Tests.Hubs;

[Collection(ClusterCollection.Name)]
public sealed class SuggestionTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Suggestions_rank_by_fit_and_load_and_explain_themselves()
    {
        var hub = await domain.NewHub();
        async Task<Guid> Add(VolunteerProfile p)
        {
            var id = Guid.NewGuid();
            Assert.True((await fixture.Grains.GetGrain<IVolunteerGrain>(id).Register(p, Domain.Sam)).IsOk);
            return id;
        }

        var best = await Add(new VolunteerProfile("Lucia", [hub], [RequestCategory.Medicine], ["Spanish"], true, 3, 10));
        var noLanguage = await Add(new VolunteerProfile("Bob", [hub], [RequestCategory.Medicine], ["English"], true, 3, 10));
        var full = await Add(new VolunteerProfile("Fatima", [hub], [RequestCategory.Medicine], ["Spanish"], true, 1, 10));
        var offDuty = await Add(new VolunteerProfile("Olu", [hub], [RequestCategory.Medicine], ["Spanish"], true, 3, 10));
        await fixture.Grains.GetGrain<IVolunteerGrain>(offDuty).SetOnDuty(false, Domain.Sam);
        await fixture.Grains.GetGrain<IVolunteerGrain>(full).Reserve(Guid.NewGuid(), hub, 1);

        var request = (await domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub, category: RequestCategory.Medicine) with { NeedsVehicle = true })).Value!;
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id) && b.Volunteers.Count == 4
            && b.Volunteers.Single(v => v.Id == full).ActiveAssignments == 1 && !b.Volunteers.Single(v => v.Id == offDuty).OnDuty);

        var suggestions = await domain.Hub(hub).SuggestVolunteers(request.Id, 10);

        Assert.Equal([best, noLanguage, full], suggestions.Select(s => s.Candidate.Id));
        Assert.Equal(["Helps with Medicine", "Speaks Spanish", "Has a vehicle", "Load 0 of 3 assignments", "0 of 10 h this week"], suggestions[0].Reasons.Select(r => r.ToString()));
        Assert.Empty(suggestions[0].Warnings);
        Assert.Equal(["Does not list Spanish"], suggestions[1].Warnings.Select(r => r.ToString()));
        // Typed, so a Spanish page says "Habla Español" rather than the stored English word.
        Assert.Equal(new LanguageName("Spanish"), Assert.Single(suggestions[1].Warnings.Single().Args));
        Assert.Contains("At their limit: 1 of 1 assignments", suggestions[2].Warnings.Select(r => r.ToString()));
        Assert.True(suggestions[0].Score > suggestions[1].Score && suggestions[1].Score > suggestions[2].Score);
    }

    [Fact]
    public void Availability_windows_count_for_and_against()
    {
        var tuesdayMorning = new DateTime(2026, 11, 24, 10, 0, 0);
        var request = new RequestSummary(Guid.NewGuid(), 1, "h", RequestStatus.New, RequestCategory.Childcare, Urgency.Normal,
            "A", "N", RequestSource.Member, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Sam");
        VolunteerSummary With(params AvailabilityWindow[] windows) => new(Guid.NewGuid(), 1, "V", ["h"], [RequestCategory.Childcare], [],
            false, true, 0, 2, 0, 8)
        { Availability = windows };

        var free = Silo.Hubs.VolunteerMatcher.Score(request, With(new AvailabilityWindow(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0))), tuesdayMorning);
        var busy = Silo.Hubs.VolunteerMatcher.Score(request, With(new AvailabilityWindow(DayOfWeek.Friday, new TimeOnly(9, 0), new TimeOnly(12, 0))), tuesdayMorning);

        Assert.Contains("Available now (Tuesday 09:00-12:00)", free.Reasons.Select(r => r.ToString()));
        Assert.Contains("Outside their stated hours", busy.Warnings.Select(r => r.ToString()));
        Assert.Equal(11, free.Score - busy.Score, 3); // +1 inside, -10 outside: assignment would refuse it without an override
    }

    [Fact]
    public void A_language_written_differently_by_requester_and_volunteer_still_counts_as_spoken()
    {
        var request = new RequestSummary(Guid.NewGuid(), 1, "h", RequestStatus.New, RequestCategory.Eldercare, Urgency.Normal,
            "A", "N", RequestSource.PhoneIntake, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "Sam")
        { PreferredLanguage = "español" };
        VolunteerSummary Speaking(string language) => new(Guid.NewGuid(), 1, "V", ["h"], [RequestCategory.Eldercare], [language], false, true, 0, 2, 0, 8);

        var lucia = Silo.Hubs.VolunteerMatcher.Score(request, Speaking("Spanish"), DateTime.Now);
        var bob = Silo.Hubs.VolunteerMatcher.Score(request, Speaking("English"), DateTime.Now);

        Assert.Contains("Speaks español", lucia.Reasons.Select(r => r.ToString()));
        Assert.Contains("Does not list español", bob.Warnings.Select(r => r.ToString()));
        Assert.True(lucia.Score > bob.Score);
    }
}
