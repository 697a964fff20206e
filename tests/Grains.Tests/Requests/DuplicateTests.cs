namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class DuplicateTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Same_contact_is_created_but_flagged_as_a_possible_duplicate()
    {
        var hub = await domain.NewHub();
        var first = await domain.NewRequest(hub, phone: "+44 7700 900123", area: "Elm Street");
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == first.Id));

        // Same number written differently, different area and category.
        var second = await domain.NewRequest(hub, phone: "07700-900-123", area: "Mill Lane", category: RequestCategory.Medicine);

        Assert.Equal([first.Id], second.PossibleDuplicateOf);
        var audit = await domain.RequestGrain(second.Id).GetAudit();
        Assert.Equal($"Possible duplicate of {first.ReferenceCode} (same phone)", audit[0].Reason);
        // The system wrote this reason, so it is also a phrase each reader sees in their language.
        Assert.Equal(MutualAid.Common.Reason.PossibleDuplicateOf.Key(), audit[0].ReasonSaid?.Key);
    }

    [Fact]
    public async Task Same_area_and_category_is_flagged_but_a_different_category_is_not()
    {
        var hub = await domain.NewHub();
        var first = await domain.NewRequest(hub, area: "Elm  Street ", category: RequestCategory.Food);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == first.Id));

        var sameNeed = await domain.NewRequest(hub, area: "elm street", category: RequestCategory.Food);
        var otherNeed = await domain.NewRequest(hub, area: "Elm Street", category: RequestCategory.Shelter);

        Assert.Equal([first.Id], sameNeed.PossibleDuplicateOf);
        Assert.Empty(otherNeed.PossibleDuplicateOf);
        Assert.Contains("same area and category", (await domain.RequestGrain(sameNeed.Id).GetAudit())[0].Reason);
    }

    [Fact]
    public async Task Requests_that_name_no_area_are_not_in_the_same_area_but_a_real_area_still_is()
    {
        var hub = await domain.NewHub();
        var first = await domain.NewRequest(hub, area: NewRequest.AreaNotGiven, category: RequestCategory.Food);
        var placed = await domain.NewRequest(hub, area: "Docks", category: RequestCategory.Food);
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == first.Id) && b.Requests.Any(r => r.Id == placed.Id));

        var nowhere = await domain.NewRequest(hub, area: NewRequest.AreaNotGiven, category: RequestCategory.Food);
        var docks = await domain.NewRequest(hub, area: "docks", category: RequestCategory.Food);

        Assert.Empty(nowhere.PossibleDuplicateOf);
        Assert.Equal([placed.Id], docks.PossibleDuplicateOf);
    }

    [Fact]
    public async Task A_closed_request_is_not_a_duplicate_and_the_probe_answers_before_saving()
    {
        var hub = await domain.NewHub();
        var closed = await domain.NewRequest(hub, phone: "07700 900555");
        await domain.RequestGrain(closed.Id).Cancel(new RequestCommand(1, Domain.Sam, "sorted by family"));
        await domain.WaitForBoard(hub, b => b.Requests.All(r => r.Id != closed.Id) && b.Counts.Count(RequestStatus.Cancelled) == 1);

        var probe = DuplicateProbe.For(new ContactDetails("M", "07700 900555", null, null), "Anywhere", RequestCategory.Food);
        Assert.Empty(await domain.Hub(hub).FindDuplicates(probe));

        var open = await domain.NewRequest(hub, phone: "07700 900555");
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == open.Id));
        var match = Assert.Single(await domain.Hub(hub).FindDuplicates(probe));
        Assert.Equal(open.Id, match.Request.Id);
        Assert.Equal("same phone", match.Why);
        Assert.Equal(MutualAid.Common.Reason.SamePhone.Key(), match.Said?.Key);
    }

    [Fact]
    public async Task A_match_by_email_says_so_and_a_typed_reason_stays_as_written()
    {
        var hub = await domain.NewHub();
        var byEmail = Domain.Request(hub, area: "Mill Lane") with { Contact = new ContactDetails("Mo", null, "Mo@Example.org", null) };
        var first = (await domain.RequestGrain(Guid.NewGuid()).Create(byEmail)).Value!;
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == first.Id));

        var probe = DuplicateProbe.For(new ContactDetails("M", null, "mo@example.org ", null), "Elsewhere", RequestCategory.Shelter);
        var match = Assert.Single(await domain.Hub(hub).FindDuplicates(probe));
        Assert.Equal(MutualAid.Common.Reason.SameEmail.Key(), match.Said?.Key);

        await domain.RequestGrain(first.Id).Cancel(new RequestCommand(1, Domain.Sam, "sorted by family"));
        var cancelled = (await domain.RequestGrain(first.Id).GetAudit())[^1];
        Assert.Equal("sorted by family", cancelled.Reason);
        Assert.Null(cancelled.ReasonSaid);
    }
}
