namespace MutualAid.Grains.Tests.Volunteers;

[Collection(ClusterCollection.Name)]
public sealed class HoursAndSkillsTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<(RequestView Request, VolunteerView Volunteer)> InProgress(double estimate)
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya");
        var v = (await grain.Assign(new AssignCommand(request.Version, Domain.Ana, volunteer.Id, estimate))).Value!;
        v = (await grain.Accept(new RequestCommand(v.Version, Domain.Ana))).Value!;
        v = (await grain.Start(new RequestCommand(v.Version, Domain.Ana))).Value!;
        return (v, volunteer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.1)]
    [InlineData(24.5)]
    [InlineData(double.NaN)]
    public async Task Delivered_refuses_hours_outside_a_quarter_hour_to_a_day_with_a_field_error(double hours)
    {
        var (request, volunteer) = await InProgress(2);
        var grain = domain.RequestGrain(request.Id);

        var result = await grain.Fulfil(new FulfilCommand(request.Version, Domain.Ana, hours));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(nameof(FulfilCommand.HoursGiven), Assert.Single(result.Errors).Field);
        Assert.Equal(RequestStatus.InProgress, (await grain.GetView())!.Status);
        Assert.Equal(0, (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!.HoursTotal);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1.5)]
    [InlineData(24)]
    public async Task Delivered_banks_exactly_the_hours_given_within_bounds(double hours)
    {
        var (request, volunteer) = await InProgress(2);

        var result = await domain.RequestGrain(request.Id).Fulfil(new FulfilCommand(request.Version, Domain.Ana, hours));

        Assert.True(result.IsOk, result.Message);
        Assert.Equal(hours, (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!.HoursTotal);
    }

    [Fact]
    public async Task The_assignment_keeps_its_estimate_so_delivered_can_start_from_it()
    {
        var (request, _) = await InProgress(2.5);

        Assert.Equal(2.5, request.Assignment!.EstimatedHours);
    }

    [Fact]
    public async Task A_skill_the_need_names_is_matched_and_said_and_ranks_the_volunteer_higher()
    {
        var hub = await domain.NewHub();
        async Task<Guid> Add(string name, params string[] skills)
        {
            var id = Guid.NewGuid();
            var profile = Domain.Volunteer(hub, name) with { Skills = skills };
            Assert.True((await fixture.Grains.GetGrain<IVolunteerGrain>(id).Register(profile, Domain.Sam)).IsOk);
            return id;
        }

        var nurse = await Add("Nia", "First aid", "Wheelchair");
        var other = await Add("Otto", "Carpentry");
        var created = await domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub) with { Need = "Needs someone with FIRST AID to change a dressing" });
        Assert.True(created.IsOk, created.Message);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == created.Value!.Id) && b.Volunteers.Count == 2);

        var suggestions = await domain.Hub(hub).SuggestVolunteers(created.Value!.Id, 5);

        Assert.Equal([nurse, other], suggestions.Select(s => s.Candidate.Id));
        Assert.Contains("Has the skill: First aid", suggestions[0].Reasons.Select(r => r.ToString()));
        Assert.Equal(["First aid", "Wheelchair"], suggestions[0].Candidate.Skills);
        Assert.DoesNotContain(suggestions[1].Reasons, r => r.Key == "HasSkill");
    }

    [Theory]
    [InlineData("Needs a driver with a car", "car", true)]
    [InlineData("Looking for eldercare", "car", false)]
    [InlineData("Help with first-aid kit", "First aid", true)]
    [InlineData("Help with the garden", "first aid", false)]
    public void Skills_match_whole_words_only(string need, string skill, bool matches)
    {
        Assert.Equal(matches, VolunteerMatcher.SkillsNamedIn(need, [skill]).Any());
    }

    [Fact]
    public async Task A_message_to_the_volunteer_is_a_new_version_on_their_boards()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Priya");
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id && v.Version == volunteer.Version));

        await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).Tell("Please call the hub");

        var after = (await fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id).GetView())!;
        Assert.Equal(volunteer.Version + 1, after.Version);
        Assert.Equal("Please call the hub", after.Notices[0].Message);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id && v.Version == after.Version));
    }
}
