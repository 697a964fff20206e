using MutualAid.Safety;

namespace MutualAid.Grains.Tests.Safety;

/// <summary>Sensitive work goes to vetted volunteers: assignment, claims and suggestions all hold to the hub's checks.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class VettingTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private ISafetyGrain Safety(string hub) => fixture.Grains.GetGrain<ISafetyGrain>(hub);

    [Fact]
    public async Task An_unvetted_volunteer_is_refused_for_a_childcare_request_and_a_vetted_one_is_offered()
    {
        var hub = await domain.NewHub();
        var unvetted = await domain.NewVolunteer(hub, "Uma");
        var vetted = await domain.NewVolunteer(hub, "Vic");
        var recorded = await Safety(hub).RecordCheck(vetted.Id, VettingPolicy.SafeguardingTraining, fixture.Clock.GetUtcNow().AddDays(-10), null, Domain.Sam);
        Assert.True(recorded.IsOk, recorded.Message);
        var request = await domain.NewRequest(hub, category: RequestCategory.Childcare);
        await domain.WaitForBoard(hub, b => b.Volunteers.Count(v => v.Id == unvetted.Id || v.Id == vetted.Id) == 2 && b.Requests.Any(r => r.Id == request.Id));

        var refused = await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Ana, unvetted.Id));
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.NeedsCheck, refused.Reason);
        Assert.Contains("Safeguarding training", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(unvetted.Id).GetView())!.Reservations);

        var claimed = await domain.RequestGrain(request.Id).Claim(new ClaimCommand(request.Version, Domain.Ana, unvetted.Id));
        Assert.Equal(Reason.NeedsCheck, claimed.Reason);

        var suggested = await domain.Hub(hub).SuggestVolunteers(request.Id, 5);
        Assert.Equal([vetted.Id], suggested.Select(s => s.Candidate.Id));
        Assert.True((await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Ana, vetted.Id))).IsOk);
    }

    [Fact]
    public async Task Work_that_needs_no_check_goes_to_anyone()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Wes");
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id) && b.Requests.Any(r => r.Id == request.Id));
        Assert.Single(await domain.Hub(hub).SuggestVolunteers(request.Id, 5));
        Assert.True((await grain.Assign(new AssignCommand(request.Version, Domain.Ana, volunteer.Id))).IsOk);
    }

    [Fact]
    public async Task An_expired_check_counts_as_missing()
    {
        var hub = await domain.NewHub();
        var policy = new VettingPolicy(
            [new VettingCheck("DBS/background check", TimeSpan.FromDays(3 * 365))],
            [new CheckRequirement(RequestCategory.Eldercare, "DBS/background check")]);
        Assert.True((await Safety(hub).SetPolicy(policy, Domain.Sam)).IsOk);
        var volunteer = await domain.NewVolunteer(hub, "Eve");
        var seen = fixture.Clock.GetUtcNow().AddDays(-(3 * 365) + 2);
        var recorded = (await Safety(hub).RecordCheck(volunteer.Id, "dbs/background check", seen, null, Domain.Sam)).Value!;
        Assert.Equal(seen.AddDays(3 * 365), recorded.Checks.Single().ExpiresAt); // the check's period, from the day seen
        Assert.Empty(recorded.Needs);

        var first = await domain.NewRequest(hub, category: RequestCategory.Eldercare);
        var ok = await domain.RequestGrain(first.Id).Assign(new AssignCommand(first.Version, Domain.Ana, volunteer.Id));
        Assert.True(ok.IsOk, ok.Message);

        fixture.Clock.Advance(TimeSpan.FromDays(3));
        var second = await domain.NewRequest(hub, category: RequestCategory.Eldercare);
        var refused = await domain.RequestGrain(second.Id).Assign(new AssignCommand(second.Version, Domain.Ana, volunteer.Id));
        Assert.Equal(Reason.NeedsCheck, refused.Reason);
        var vetting = await Safety(hub).GetVetting(volunteer.Id);
        Assert.False(vetting.Current(vetting.Checks.Single()));
        Assert.Contains(new CheckNeeded(RequestCategory.Eldercare, "DBS/background check"), vetting.Needs);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id) && b.Requests.Any(r => r.Id == second.Id));
        Assert.Empty(await domain.Hub(hub).SuggestVolunteers(second.Id, 5));
    }

    [Fact]
    public async Task A_coordinator_override_passes_a_missing_check_and_both_trails_keep_it()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Ola");
        var request = await domain.NewRequest(hub, category: RequestCategory.Childcare);
        var grain = domain.RequestGrain(request.Id);

        var overridden = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id) { OverrideLimits = "trained last week, certificate on its way" });
        Assert.True(overridden.IsOk, overridden.Message);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal(Domain.Sam, entry.Actor);
        Assert.Equal("assigned this to Ola without Safeguarding training (trained last week, certificate on its way)", entry.Action);

        await Safety(hub).RecordCheck(volunteer.Id, VettingPolicy.IdSeen, fixture.Clock.GetUtcNow(), null, Domain.Sam);
        var trail = await Safety(hub).GetAudit(volunteer.Id);
        Assert.Equal(Domain.Sam, trail[^1].Actor);
        Assert.StartsWith("recorded ID seen", trail[^1].Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_the_hub_does_not_list_or_seen_in_the_future_is_not_recorded()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub);
        Assert.Equal(Reason.UnknownCheck, (await Safety(hub).RecordCheck(volunteer.Id, "Juggling", fixture.Clock.GetUtcNow(), null, Domain.Sam)).Reason);
        Assert.Equal(Reason.SeenInFuture, (await Safety(hub).RecordCheck(volunteer.Id, VettingPolicy.IdSeen, fixture.Clock.GetUtcNow().AddDays(1), null, Domain.Sam)).Reason);
        Assert.Equal(Reason.UnknownCheck, (await Safety(hub).SetPolicy(new VettingPolicy([], [new CheckRequirement(RequestCategory.Childcare, "Nope")]), Domain.Sam)).Reason);
    }
}
