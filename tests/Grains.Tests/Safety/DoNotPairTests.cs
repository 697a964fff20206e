using MutualAid.Safety;

namespace MutualAid.Grains.Tests.Safety;

/// <summary>"Do not pair" from a concern keeps two people apart without saying why.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DoNotPairTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Kept_apart_is_respected_silently_in_assignment_claims_and_suggestions()
    {
        var hub = await domain.NewHub();
        var kept = await domain.NewVolunteer(hub, "Kim");
        var other = await domain.NewVolunteer(hub, "Lou");
        var phone = Domain.UniquePhone();
        var request = await domain.NewRequest(hub, phone: phone);
        var key = request.Contact.MatchKey()!;

        var concern = fixture.Grains.GetGrain<IConcernGrain>(Guid.NewGuid());
        var raised = await concern.Raise(new NewConcern(hub, Domain.Ana, Party.Requester(key), "Kim", Party.Volunteer(kept.Id), request.Id, request.ReferenceCode, "Made me uncomfortable."));
        Assert.True(raised.IsOk, raised.Message);
        Assert.True((await concern.KeepApart("agreed with both: no more visits", Domain.Sam)).IsOk);

        var refused = await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, kept.Id));
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(Reason.NotAvailableForRequest, refused.Reason);
        Assert.Equal(Reason.NotAvailableForRequest.Say().ToString(), refused.Message); // nothing of the concern in it
        // No override passes it, and it reads the same to a coordinator as to anyone.
        var overridden = await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, kept.Id) { OverrideLimits = "urgent" });
        Assert.Equal(refused.Message, overridden.Message);
        Assert.Equal(Reason.NotAvailableForRequest, (await domain.RequestGrain(request.Id).Claim(new ClaimCommand(request.Version, Domain.Ana, kept.Id))).Reason);

        await domain.WaitForBoard(hub, b => b.Volunteers.Count(v => v.Id == kept.Id || v.Id == other.Id) == 2 && b.Requests.Any(r => r.Id == request.Id));
        Assert.Equal([other.Id], (await domain.Hub(hub).SuggestVolunteers(request.Id, 5)).Select(s => s.Candidate.Id));

        // Another requester is not affected.
        var elsewhere = await domain.NewRequest(hub);
        Assert.True((await domain.RequestGrain(elsewhere.Id).Assign(new AssignCommand(elsewhere.Version, Domain.Sam, kept.Id))).IsOk);
    }

    [Fact]
    public async Task A_concern_moves_forward_only_and_every_step_keeps_its_note()
    {
        var hub = await domain.NewHub();
        var concern = fixture.Grains.GetGrain<IConcernGrain>(Guid.NewGuid());
        await concern.Raise(new NewConcern(hub, Domain.Ana, null, "someone", null, null, null, "Shouted at the door."));
        Assert.True((await concern.Advance(ConcernStage.Acknowledged, "thank you, we have it", Domain.Sam)).IsOk);
        Assert.True((await concern.Advance(ConcernStage.Conversation, "spoke with Ana", Domain.Sam)).IsOk);
        Assert.True((await concern.Advance(ConcernStage.Conversation, "spoke with the other person", Domain.Sam)).IsOk);
        Assert.Equal(Reason.ConcernStepBack, (await concern.Advance(ConcernStage.Acknowledged, "x", Domain.Sam)).Reason);
        Assert.Equal(Reason.WriteConcernNote, (await concern.Advance(ConcernStage.ActionsAgreed, " ", Domain.Sam)).Reason);
        Assert.Equal(Reason.NoOneToKeepApart, (await concern.KeepApart("x", Domain.Sam)).Reason);
        Assert.True((await concern.Advance(ConcernStage.ActionsAgreed, "apology and a check-in", Domain.Sam)).IsOk);
        var closed = (await concern.Advance(ConcernStage.Closed, "done", Domain.Sam)).Value!;
        Assert.Equal(
            [ConcernStage.Raised, ConcernStage.Acknowledged, ConcernStage.Conversation, ConcernStage.Conversation, ConcernStage.ActionsAgreed, ConcernStage.Closed],
            closed.Steps.Select(s => s.Stage));
        Assert.Equal(Reason.ConcernClosed, (await concern.Advance(ConcernStage.Closed, "again", Domain.Sam)).Reason);
        Assert.Contains(await fixture.Grains.GetGrain<IHubConcernsGrain>(hub).List(), c => c.Id == closed.Id && c.Stage == ConcernStage.Closed);
    }

    [Fact]
    public async Task Two_volunteers_kept_apart_are_never_put_on_one_pair_together()
    {
        var hub = await domain.NewHub();
        var (grain, priya, tom, withPriya) = await domain.PairWithPriya(hub);
        var uma = await domain.NewVolunteer(hub, "Uma");
        // A concern Priya raised about Tom, kept apart.
        var concern = fixture.Grains.GetGrain<IConcernGrain>(Guid.NewGuid());
        Assert.True((await concern.Raise(new NewConcern(hub, Domain.Ana, Party.Volunteer(priya.Id), "Tom", Party.Volunteer(tom.Id), null, null, "Shouted at me on the last job."))).IsOk);
        Assert.True((await concern.KeepApart("agreed: not on one job again", Domain.Sam)).IsOk);

        // Not beside her: placed, claimed or suggested, with the same silent reason.
        var placed = await grain.Assign(new AssignCommand(withPriya.Version, Domain.Sam, tom.Id));
        var claimed = await grain.Claim(new ClaimCommand(withPriya.Version, Domain.Ana, tom.Id) { AsVolunteer = tom.Id });
        Assert.Equal((ResultStatus.Refused, Reason.NotAvailableForRequest), (placed.Status, placed.Reason));
        Assert.Equal((ResultStatus.Refused, Reason.NotAvailableForRequest), (claimed.Status, claimed.Reason));
        await domain.WaitForBoard(hub, b => b.Volunteers.Count == 3 && b.Requests.Any(r => r.Id == withPriya.Id && r.Held == 1));
        Assert.Equal([uma.Id], (await domain.Hub(hub).SuggestVolunteers(withPriya.Id, 5)).Select(s => s.Candidate.Id));

        // In her place, once she is replaced, he may be: it is each other they are kept from.
        var both = (await grain.Assign(new AssignCommand(withPriya.Version, Domain.Sam, uma.Id))).Value!;
        var instead = await grain.Assign(new AssignCommand(both.Version, Domain.Sam, tom.Id) { Replacing = priya.Id });
        Assert.True(instead.IsOk, instead.Message);
        Assert.Equal(new[] { uma.Id, tom.Id }.Order(), instead.Value!.Assignees.Select(a => a.VolunteerId).Order());
    }
}
