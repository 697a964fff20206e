using MutualAid.Fund;
using MutualAid.Volunteers;
using MutualAid.Web.Fund;
using MutualAid.Web.TimeBank;
using MutualAid.Web.Volunteers;

namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// An erased volunteer stays in their hub's counts as "[erased]", but is nobody to pick: not to
/// borrow for a day, not to move hours to or from (hunt6 defect 5).
/// </summary>
public sealed class ErasedVolunteerPickersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<(string Hub, Guid Erased, Guid Kept, Guid Other)> HubWithOneErased(string region)
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains, region);
        var erased = await Seed.Volunteer(grains, hub, "Gilberto Gone");
        var kept = await Seed.Volunteer(grains, hub, "Valeria Here");
        var other = await Seed.Volunteer(grains, hub, "Vicente Here");
        Assert.True((await grains.GetGrain<IVolunteerGrain>(erased).ErasePersonalData(Seed.Sam)).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers is { Count: 3 } rows
            && rows.Any(v => v.Id == erased && v.Name == ContactDetails.ErasedName), "the board to show the erased volunteer's tombstone");
        return (hub, erased, kept, other);
    }

    [Fact]
    public async Task An_erased_volunteer_is_not_offered_to_borrow_and_cannot_be_asked_for()
    {
        var grains = app.Factory.Grains;
        var region = $"reg-{Guid.NewGuid():N}"[..14];
        var (lending, erased, kept, _) = await HubWithOneErased(region);
        var borrowing = await Seed.Hub(grains, region);
        await Wait.Until(async () => (await grains.GetGrain<IRegionGrain>(region).GetOverview())?.Hubs.Count == 2, "the region to list both hubs");
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, borrowing));

        var offered = await coordinator.Services.GetRequiredService<SharingService>().Borrowable(borrowing);

        Assert.Contains(offered, c => c.Volunteer.Id == kept && c.Volunteer.HubSlugs.Contains(lending));
        Assert.DoesNotContain(offered, c => c.Volunteer.Id == erased || c.Volunteer.Name == ContactDetails.ErasedName);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var asked = await grains.GetGrain<IVolunteerGrain>(erased).AskToBorrow(Guid.NewGuid(), borrowing, tomorrow, Seed.Sam);
        Assert.Equal(ResultStatus.NotFound, asked.Status); // as unknown to that hub as a made-up id
        Assert.Equal(Reason.NoSuchVolunteer, asked.Reason);
        Assert.True((await grains.GetGrain<IVolunteerGrain>(kept).AskToBorrow(Guid.NewGuid(), borrowing, tomorrow, Seed.Sam)).IsOk);
    }

    [Fact]
    public async Task No_hours_move_to_or_from_an_erased_volunteer_and_the_hours_form_leaves_them_out()
    {
        var (hub, erased, kept, other) = await HubWithOneErased($"reg-{Guid.NewGuid():N}"[..14]);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var bank = coordinator.Services.GetRequiredService<TimeBankService>();

        var to = await bank.Transfer(hub, Guid.NewGuid(), kept, erased, 99, "moving on");
        var from = await bank.Transfer(hub, Guid.NewGuid(), erased, kept, 1, "moving on");

        Assert.Equal((ResultStatus.Refused, Reason.TransferErased), (to.Status, to.Reason));
        Assert.Equal((ResultStatus.Refused, Reason.TransferErased), (from.Status, from.Reason));
        // Between two live volunteers hours still move (a transfer spends only hours the giver has).
        await app.Factory.Grains.GetGrain<IVolunteerGrain>(kept).EndJob(Guid.NewGuid(), new JobEnd(JobEndKind.Completed, null, Hours: 2));
        var passedOn = await bank.Transfer(hub, Guid.NewGuid(), kept, other, 1, "covering a shift");
        Assert.True(passedOn.IsOk, passedOn.Message);

        var page = coordinator.Render<HubHoursPage>(p => p.Add(x => x.Slug, hub));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=hours-name]").Count), TimeSpan.FromSeconds(20)); // their row still counts
        var pickable = page.FindComponent<TransferHoursForm>().Instance.People;
        Assert.Equal(new[] { kept, other }.Order(), pickable.Select(p => p.VolunteerId).Order());
        Assert.DoesNotContain(pickable, p => p.Name == ContactDetails.ErasedName);
    }

    /// <summary>A volunteer erased before funds were told of erasures: the fund still has their ask, and must not pay it.</summary>
    [Fact]
    public async Task The_fund_neither_offers_nor_pays_an_erased_volunteer_it_was_never_told_of()
    {
        var (hub, erased, kept, _) = await HubWithOneErased($"reg-{Guid.NewGuid():N}"[..14]);
        var ask = await app.Factory.Grains.GetGrain<IHubFundGrain>(hub).Record(
            new NewFundEntry(FundEntryKind.ReimbursementAsked, 9m, RequestCategory.Food, "Taxi", Seed.Sam) { PayeeVolunteerId = erased, PayeeName = "Gilberto Gone" });
        Assert.True(ask.IsOk, ask.Message);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var fund = coordinator.Services.GetRequiredService<FundService>();

        var paid = await fund.Approve(hub, ask.Value!.Id);

        Assert.Equal((ResultStatus.Refused, Reason.FundPayeeErased), (paid.Status, paid.Reason));
        Assert.DoesNotContain((await fund.Ledger(hub)).Value!.Entries, e => e.Kind == FundEntryKind.ReimbursementPaid);
        var payees = await fund.Volunteers(hub);
        Assert.Contains(payees, v => v.Id == kept);
        Assert.DoesNotContain(payees, v => v.Id == erased);
    }
}
