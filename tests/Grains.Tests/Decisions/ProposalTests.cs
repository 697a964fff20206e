using MutualAid.Decisions;

namespace MutualAid.Grains.Tests.Decisions;

[Collection(FakeClockCollection.Name)]
public sealed class ProposalTests(FakeClockClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(string Hub, Actor Coordinator, Actor Volunteer, IProposalGrain Grain, ProposalView View)> Proposed(IReadOnlyList<string>? options = null)
    {
        var hub = Domain.NewSlug("votes");
        var coordinator = await Members.Account(Grains, "Cora", new RoleGrant(Role.Coordinator, hub));
        var volunteer = await Members.Account(Grains, "Vic", new RoleGrant(Role.Volunteer, hub));
        var grain = Grains.GetGrain<IProposalGrain>(Guid.NewGuid());
        var proposed = await grain.Propose(new NewProposal(hub, "Buy a freezer", "For the food bank's surplus", fixture.Clock.GetUtcNow().AddHours(1), options ?? [], coordinator));
        Assert.True(proposed.IsOk, proposed.Message);
        return (hub, coordinator, volunteer, grain, proposed.Value!);
    }

    [Fact]
    public async Task Members_vote_change_their_vote_and_object_and_the_deadline_tallies()
    {
        var (hub, coordinator, volunteer, grain, view) = await Proposed();
        Assert.Equal(NewProposal.DefaultOptions, view.Options);
        var dispatcher = await Members.Account(Grains, "Dee", new RoleGrant(Role.Dispatcher, hub));

        Assert.True((await grain.Vote(1, null, volunteer)).IsOk);
        Assert.True((await grain.Vote(0, null, volunteer)).IsOk); // changed their mind: one ballot each
        Assert.True((await grain.Vote(0, null, coordinator)).IsOk);
        var objected = await grain.Vote(null, "Too big for the hall", dispatcher);
        Assert.True(objected.IsOk, objected.Message);
        Assert.Equal(3, objected.Value!.Ballots.Count);
        Assert.Equal("Too big for the hall", Assert.Single(objected.Value.Ballots, b => b.IsObjection).Objection);
        Assert.Equal(Reason.DecisionSayObjection, (await grain.Vote(null, " ", dispatcher)).Reason);
        Assert.Equal(Reason.DecisionNoSuchOption, (await grain.Vote(3, null, dispatcher)).Reason);

        Assert.True((await grain.CheckDeadline())!.IsOpen); // not yet
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var closed = (await grain.CheckDeadline())!;
        Assert.Equal(new[] { 2, 0, 0 }, closed.Outcome!.Votes);
        Assert.Equal(1, closed.Outcome.Objections);
        Assert.Equal(0, closed.Outcome.Winner);
        Assert.Equivalent(closed.Outcome, (await grain.CheckDeadline())!.Outcome); // idempotent

        var listed = Assert.Single(await Grains.GetGrain<IHubDecisionsGrain>(hub).Proposals());
        Assert.Equivalent(closed.Outcome, listed.Outcome);
        Assert.Equal(3, listed.Ballots);
    }

    [Fact]
    public async Task A_vote_after_the_deadline_is_refused_and_closes_the_proposal()
    {
        var (_, _, volunteer, grain, _) = await Proposed(["Yes", "No"]);
        fixture.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var late = await grain.Vote(0, null, volunteer);
        Assert.Equal(ResultStatus.Refused, late.Status);
        Assert.Equal(Reason.DecisionClosed, late.Reason);
        var view = (await grain.GetView())!;
        Assert.Empty(view.Ballots);
        Assert.Equal(new[] { 0, 0 }, view.Outcome!.Votes);
        Assert.Null(view.Outcome.Winner);
    }

    [Fact]
    public async Task Someone_outside_the_hub_can_neither_propose_nor_vote()
    {
        var (hub, _, _, grain, _) = await Proposed();
        var elsewhere = await Members.Account(Grains, "Olu", new RoleGrant(Role.Coordinator, Domain.NewSlug("other")));
        var regional = await Members.Account(Grains, "Rae", new RoleGrant(Role.RegionalCoordinator, "region"), new RoleGrant(Role.NetworkAdmin, null));
        foreach (var outsider in new[] { elsewhere, regional, new Actor("token:1234", "An API token"), Actor.System })
        {
            var vote = await grain.Vote(0, null, outsider);
            Assert.Equal(Reason.DecisionNotMember, vote.Reason);
            var propose = await Grains.GetGrain<IProposalGrain>(Guid.NewGuid()).Propose(new NewProposal(hub, "Close early", "x", fixture.Clock.GetUtcNow().AddDays(1), [], outsider));
            Assert.Equal(Reason.DecisionNotMember, propose.Reason);
        }

        Assert.Empty((await grain.GetView())!.Ballots);
        Assert.Single(await Grains.GetGrain<IHubDecisionsGrain>(hub).Proposals());
    }

    [Fact]
    public async Task A_proposal_needs_words_a_sensible_deadline_and_distinct_options()
    {
        var hub = Domain.NewSlug("votes");
        var member = await Members.Account(Grains, "Mo", new RoleGrant(Role.Volunteer, hub));
        var now = fixture.Clock.GetUtcNow();
        async Task<Reason> Refusal(NewProposal p) => (await Grains.GetGrain<IProposalGrain>(Guid.NewGuid()).Propose(p)).Reason;
        var good = new NewProposal(hub, "Title", "Text", now.AddDays(1), [], member);
        Assert.Equal(Reason.DecisionGiveTitle, await Refusal(good with { Title = "" }));
        Assert.Equal(Reason.DecisionDeadlineRange, await Refusal(good with { Deadline = now }));
        Assert.Equal(Reason.DecisionDeadlineRange, await Refusal(good with { Deadline = now.AddDays(91) }));
        Assert.Equal(Reason.DecisionOptionCount, await Refusal(good with { Options = ["Only one"] }));
        Assert.Equal(Reason.DecisionOptionTwice, await Refusal(good with { Options = ["Yes", "yes "] }));
    }

    [Fact]
    public async Task Only_a_coordinator_records_assembly_minutes()
    {
        var (hub, coordinator, volunteer, _, _) = await Proposed();
        var decisions = Grains.GetGrain<IHubDecisionsGrain>(hub);
        var today = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);
        var byVolunteer = await decisions.RecordMinutes(new AssemblyMinutes(Guid.NewGuid(), today, "We met", "Open on Sundays", volunteer, default));
        Assert.Equal(Reason.DecisionMinutesNeedCoordinator, byVolunteer.Reason);
        Assert.Equal(Reason.DecisionWriteDecision, (await decisions.RecordMinutes(new AssemblyMinutes(Guid.NewGuid(), today, "We met", "", coordinator, default))).Reason);
        var recorded = await decisions.RecordMinutes(new AssemblyMinutes(Guid.NewGuid(), today, "We met in the hall", "Open on Sundays", coordinator, default));
        Assert.True(recorded.IsOk, recorded.Message);
        Assert.Equal("Open on Sundays", Assert.Single(await decisions.Minutes()).Decision);
    }
}
