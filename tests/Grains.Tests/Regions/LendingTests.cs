namespace MutualAid.Grains.Tests.Regions;

/// <summary>Lending a volunteer to another hub of the region for a day: only with their consent, only on the day, limits kept across hubs.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class LendingTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<Result<RequestView>> Assign(RequestView request, Guid volunteer) =>
        await domain.RequestGrain(request.Id).Assign(new AssignCommand((await domain.RequestGrain(request.Id).GetView())!.Version, Domain.Sam, volunteer));

    [Fact]
    public async Task A_lent_volunteer_is_on_the_other_hubs_board_and_assignable_there_only_on_the_day_and_only_after_consent()
    {
        var region = Domain.NewSlug("region");
        var north = await domain.NewHub(region);
        var south = await domain.NewHub(region);
        var lu = await domain.NewVolunteer(north, "Lu", maxAssignments: 1);
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(lu.Id);
        var tomorrow = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        var loanId = Guid.NewGuid();

        var asked = await grain.AskToBorrow(loanId, south, tomorrow, Domain.Ana);
        Assert.True(asked.IsOk, asked.Message);
        Assert.Equal(Reason.LoanOutsideRegion, (await grain.AskToBorrow(Guid.NewGuid(), await domain.NewHub(Domain.NewSlug("region")), tomorrow, Domain.Ana)).Reason);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await grain.CheckLoans();
        var need = await domain.NewRequest(south);
        Assert.Equal(Reason.NoSuchVolunteer, (await Assign(need, lu.Id)).Reason); // the day, but no consent: nothing changes

        Assert.True((await grain.AnswerLoan(loanId, agree: true, new Actor("lu", "Lu"))).IsOk);
        await domain.WaitForBoard(south, b => b.Volunteers.Any(v => v.Id == lu.Id));
        var assigned = await Assign(need, lu.Id);
        Assert.True(assigned.IsOk, assigned.Message);
        // One volunteer, one set of limits, whichever hub asks.
        Assert.Equal(Reason.PastLimits, (await Assign(await domain.NewRequest(north), lu.Id)).Reason);
        Assert.True((await domain.RequestGrain(need.Id).Unassign(new RequestCommand(assigned.Value!.Version, Domain.Sam, "back home"))).IsOk);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await grain.CheckLoans(); // what the daily reminder does at midnight

        await domain.WaitForBoard(south, b => b.Volunteers.All(v => v.Id != lu.Id));
        Assert.Equal(Reason.NoSuchVolunteer, (await Assign(await domain.NewRequest(south), lu.Id)).Reason);
        Assert.True((await Assign(await domain.NewRequest(north), lu.Id)).IsOk);
    }
}
