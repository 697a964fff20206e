using MutualAid.TimeBank;

namespace MutualAid.Grains.Tests.TimeBank;

/// <summary>The reciprocal time bank: one balance per person across a region's hubs, and transfers kept inside one region.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TimeBankTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<VolunteerView> Person(string hub, string name, string phone)
    {
        var profile = Domain.Volunteer(hub, name) with { Contact = new ContactDetails(name, phone, null, null) };
        var result = await fixture.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid()).Register(profile, Domain.Sam);
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    [Fact]
    public async Task A_person_who_gives_in_one_hub_and_receives_in_another_of_the_region_has_one_balance()
    {
        var region = Domain.NewSlug("region");
        var north = await domain.NewHub(region);
        var south = await domain.NewHub(region);
        var phone = "07700 7" + Random.Shared.Next(10000, 99999);
        var rosa = await Person(north, "Rosa", phone);
        var helper = await Person(south, "Hal", "07700 800" + Random.Shared.Next(100, 999));
        await domain.Deliver(await domain.NewRequest(north), rosa.Id, 2);          // Rosa gives two hours in the north
        var asked = await domain.NewRequest(south, phone: phone);          // and asks for help in the south
        await domain.Deliver(asked, helper.Id, 3);
        await Wait.Until(async () => (await domain.Hub(south).FindRequestsByContact(new ContactDetails("x", phone, null, null).MatchKey()!)).Contains(asked.Id),
            "the south hub to index Rosa's request");

        var statement = (await fixture.Grains.GetGrain<ITimeBankGrain>(region).Statement(rosa.Id, 4))!;

        Assert.Equal((2.0, 3.0, -1.0), (statement.Given, statement.Received, statement.Balance));
        Assert.Contains(statement.Lines, l => l.Hub == north && l.Given == 2 && l.Received == 0);
        Assert.Contains(statement.Lines, l => l.Hub == south && l.Given == 0 && l.Received == 3);
        var hal = (await fixture.Grains.GetGrain<ITimeBankGrain>(region).Statement(helper.Id, 4))!;
        Assert.Equal((3.0, 0.0, 3.0), (hal.Given, hal.Received, hal.Balance));
    }

    [Fact]
    public async Task A_transfer_moves_hours_within_a_region_once_and_is_refused_across_regions()
    {
        var region = Domain.NewSlug("region");
        var north = await domain.NewHub(region);
        var south = await domain.NewHub(region);
        var elsewhere = await domain.NewHub(Domain.NewSlug("region"));
        var ana = await Person(north, "Ana", "07700 711" + Random.Shared.Next(1000, 9999));
        var bo = await Person(south, "Bo", "07700 712" + Random.Shared.Next(1000, 9999));
        var cy = await Person(elsewhere, "Cy", "07700 713" + Random.Shared.Next(1000, 9999));
        var bank = fixture.Grains.GetGrain<ITimeBankGrain>(region);
        await domain.Deliver(await domain.NewRequest(north), ana.Id, 2);
        var transfer = new HoursTransfer(Guid.NewGuid(), ana.Id, bo.Id, 1.5, "Ana passes on hours to Bo, as agreed", Domain.Sam, default);

        var first = await bank.Transfer(transfer);
        var again = await bank.Transfer(transfer);

        Assert.True(first.IsOk, first.Message);
        Assert.True(again.IsOk, again.Message);
        Assert.Equal(first.Value, again.Value);
        Assert.Equal(0.5, (await bank.Statement(ana.Id, 4))!.Balance);
        var toBo = (await bank.Statement(bo.Id, 4))!;
        Assert.Equal((1.5, 1.5), (toBo.TransferredIn, toBo.Balance));
        Assert.Equal(Reason.TransferIdReused, (await bank.Transfer(transfer with { Hours = 3 })).Reason);

        var across = await bank.Transfer(transfer with { Id = Guid.NewGuid(), To = cy.Id });
        Assert.Equal((ResultStatus.Refused, Reason.TransferOutsideRegion), (across.Status, across.Reason));
        Assert.Equal(ResultStatus.Invalid, (await bank.Transfer(transfer with { Id = Guid.NewGuid(), To = ana.Id })).Status);
        Assert.Equal(0, (await bank.Statement(cy.Id, 4))!.TransferredIn);
    }

    [Fact]
    public async Task A_transfer_cannot_move_more_hours_than_the_giver_has()
    {
        var region = Domain.NewSlug("region");
        var hub = await domain.NewHub(region);
        var val = await Person(hub, "Valeria", "07700 714" + Random.Shared.Next(1000, 9999));
        var bo = await Person(hub, "Bo", "07700 715" + Random.Shared.Next(1000, 9999));
        var bank = fixture.Grains.GetGrain<ITimeBankGrain>(region);

        var fromNothing = await bank.Transfer(new HoursTransfer(Guid.NewGuid(), val.Id, bo.Id, 99, "A slip of the keyboard", Domain.Sam, default));
        Assert.Equal((ResultStatus.Refused, Reason.TransferMoreThanBalance), (fromNothing.Status, fromNothing.Reason));
        Assert.Equal("Valeria has 0 h to pass on: a transfer cannot move more than someone has.", fromNothing.Message);

        await domain.Deliver(await domain.NewRequest(hub), val.Id, 2);
        var tooMuch = await bank.Transfer(new HoursTransfer(Guid.NewGuid(), val.Id, bo.Id, 2.25, "More than she gave", Domain.Sam, default));
        var all = await bank.Transfer(new HoursTransfer(Guid.NewGuid(), val.Id, bo.Id, 2, "All she gave", Domain.Sam, default));

        Assert.Equal((ResultStatus.Refused, Reason.TransferMoreThanBalance), (tooMuch.Status, tooMuch.Reason));
        Assert.Contains("Valeria has 2 h", tooMuch.Message, StringComparison.Ordinal);
        Assert.True(all.IsOk, all.Message);
        var statement = (await bank.Statement(val.Id, 4))!;
        Assert.Equal((2.0, 2.0, 0.0), (statement.Given, statement.TransferredOut, statement.Balance));
    }
}
