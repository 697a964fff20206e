using MutualAid.Decisions;
using MutualAid.Fund;
using MutualAid.Web.Decisions;
using MutualAid.Web.Fund;

namespace MutualAid.Web.Tests.Commons;

/// <summary>
/// The fund's ledger and export are its coordinators'; a hub's proposals are its members'. Anyone
/// else is refused exactly as for a hub that does not exist, so a refusal tells them nothing.
/// </summary>
public sealed class CommonsAccessTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly string[] NotCoordinators = ["anonymous", "admin", "regional", "dispatcher", "volunteer", "other-coordinator", "safeguarding"];
    private static readonly string[] NotMembers = ["anonymous", "admin", "regional", "other-coordinator"];

    [Fact]
    public async Task The_ledger_exports_as_csv_for_its_coordinators_and_refuses_everyone_else_alike()
    {
        var coordinator = await world.As<FundService>("coordinator");
        const string hidden = "Quillon Vardebrook";
        Assert.True((await coordinator.Record(world.A, new NewFundEntry(FundEntryKind.Donation, 100m, RequestCategory.Food, "", Actor.System) { DonorName = hidden, Anonymous = true })).IsOk);
        Assert.True((await coordinator.Record(world.A, new NewFundEntry(FundEntryKind.Donation, 40m, RequestCategory.Food, "", Actor.System) { DonorName = "Open Hand Bakery" })).IsOk);
        Assert.True((await coordinator.Record(world.A, new NewFundEntry(FundEntryKind.Purchase, 20.5m, RequestCategory.Food, "=HYPERLINK(\"x\")", Actor.System))).IsOk);
        var ask = await (await world.As<FundService>("volunteer", world.VolunteerOfA)).Ask(world.A, 12m, RequestCategory.Groceries, "Milk for Elm Street", null, null);
        Assert.True(ask.IsOk, ask.Message);

        using var client = await world.Client("coordinator");
        var response = await client.GetAsync(new Uri($"/hubs/{world.A}/fund/ledger.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(string.Join(",", FundExport.Headers), lines[0]);
        var csv = string.Join("\n", lines);
        Assert.Contains(",Donation,Food,100.00,,,EUR,,,yes,", csv);
        Assert.Contains(",Donation,Food,40.00,,,EUR,,Open Hand Bakery,,", csv);
        Assert.Contains(",Purchase,Food,,20.50,,EUR,", csv);
        Assert.Contains(",ReimbursementAsked,Groceries,,,12.00,EUR,Milk for Elm Street,,,Vee,", csv);
        Assert.DoesNotContain(hidden, csv); // a file travels further than a page: the anonymous donor stays unnamed
        Assert.DoesNotContain(",=HYPERLINK", csv); // a spreadsheet will not run what someone typed

        foreach (var role in NotCoordinators)
        {
            using var other = await world.Client(role);
            var real = await other.GetAsync(new Uri($"/hubs/{world.A}/fund/ledger.csv", UriKind.Relative));
            var none = await other.GetAsync(new Uri("/hubs/no-such-hub/fund/ledger.csv", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
            Assert.Equal(none.StatusCode, real.StatusCode);
            Assert.Equal(none.Headers.Location?.OriginalString.Split('?')[0], real.Headers.Location?.OriginalString.Split('?')[0]);
            Assert.DoesNotContain("Open Hand Bakery", await real.Content.ReadAsStringAsync());

            var service = await world.As<FundService>(role);
            var ledger = await service.Ledger(world.A);
            var nowhere = await service.Ledger("no-such-hub");
            Assert.Null(ledger.Value);
            Assert.Equal((nowhere.Status, nowhere.Reason), (ledger.Status, ledger.Reason));
        }
    }

    [Fact]
    public async Task A_reimbursement_is_approved_by_another_coordinator_and_a_volunteer_asks_only_for_themselves()
    {
        if (!world.Users.ContainsKey("second-coordinator")) world.Users["second-coordinator"] = await world.Factory.User(new RoleGrant(Role.Coordinator, world.A));
        var asker = await world.As<FundService>("coordinator");
        var ask = (await asker.Ask(world.A, 9.99m, RequestCategory.Transport, "Bus fares", world.VolunteerOfA, null)).Value!;

        Assert.Equal(Reason.FundSelfApproval, (await asker.Approve(world.A, ask.Id)).Reason);
        Assert.Equal(Reason.FundNeedsCoordinator, (await (await world.As<FundService>("dispatcher")).Approve(world.A, ask.Id)).Reason);
        var approved = await (await world.As<FundService>("second-coordinator")).Approve(world.A, ask.Id);
        Assert.True(approved.IsOk, approved.Message);
        Assert.Equal(Reason.FundAlreadyApproved, (await (await world.As<FundService>("second-coordinator")).Approve(world.A, ask.Id)).Reason);

        var volunteer = await world.As<FundService>("volunteer", world.VolunteerOfA);
        var forSomeoneElse = await volunteer.Ask(world.A, 5m, RequestCategory.Food, "Bread", Guid.NewGuid(), null);
        Assert.Equal(Reason.FundOnlyYourself, forSomeoneElse.Reason);
        Assert.Equal(Reason.FundNeedsCoordinator, (await volunteer.Record(world.A, new NewFundEntry(FundEntryKind.Donation, 5m, RequestCategory.Food, "", Actor.System))).Reason);
    }

    /// <summary>A volunteer opened the fund page from another volunteer's job and was told "Linked to the job you came from."</summary>
    [Fact]
    public async Task A_reimbursement_links_only_to_a_job_its_payee_worked_on()
    {
        var job = await Seed.Claimed(world.Factory.Grains, world.A, "07700 900456", "Valeria Vol");
        var valeria = job.Assignment!.VolunteerId;

        var someoneElse = await (await world.As<FundService>("volunteer", world.VolunteerOfA)).Ask(world.A, 12.5m, RequestCategory.Food, "Bread receipt", null, job.Id);
        var hers = await (await world.As<FundService>("volunteer", valeria)).Ask(world.A, 12.5m, RequestCategory.Food, "Bread receipt", null, job.Id);

        Assert.Equal(Reason.FundNotTheirJob, someoneElse.Reason);
        Assert.True(hers.IsOk, hers.Message);
        Assert.Equal(job.Id, hers.Value!.RequestId);
    }

    [Fact]
    public async Task A_dispatcher_and_the_volunteer_follow_an_ask_to_its_payment_and_nobody_else_sees_it()
    {
        var dispatcher = await world.As<FundService>("dispatcher");
        var ask = await dispatcher.Ask(world.A, 7.25m, RequestCategory.Transport, "Taxi to the pharmacy " + Guid.NewGuid().ToString("N")[..6], world.VolunteerOfA, null);
        Assert.True(ask.IsOk, ask.Message);
        var id = ask.Value!.Id;

        var waiting = Assert.Single(await dispatcher.MyAsks(world.A), a => a.Ask.Id == id);
        Assert.Equal((FundAskState.Waiting, (DateTimeOffset?)null), (waiting.State, waiting.SettledAt));
        var volunteer = await world.As<FundService>("volunteer", world.VolunteerOfA);
        Assert.Contains(await volunteer.MyAsks(world.A), a => a.Ask.Id == id);

        Assert.True((await (await world.As<FundService>("coordinator")).Approve(world.A, id)).IsOk);
        var paid = Assert.Single(await dispatcher.MyAsks(world.A), a => a.Ask.Id == id);
        Assert.Equal(FundAskState.Paid, paid.State);
        Assert.NotNull(paid.SettledAt);
        Assert.Equal(FundAskState.Paid, Assert.Single(await volunteer.MyAsks(world.A), a => a.Ask.Id == id).State);

        foreach (var role in new[] { "anonymous", "admin", "regional", "other-coordinator" })
        {
            Assert.Empty(await (await world.As<FundService>(role)).MyAsks(world.A));
        }

        Assert.Empty(await dispatcher.MyAsks("no-such-hub"));
    }

    [Fact]
    public async Task A_hubs_proposals_are_seen_by_its_members_only()
    {
        var proposed = await (await world.As<DecisionService>("volunteer")).Propose(world.A, "Open on Sundays " + Guid.NewGuid().ToString("N")[..6], "Two volunteers per Sunday", DateTimeOffset.UtcNow.AddDays(2), []);
        Assert.True(proposed.IsOk, proposed.Message);
        var id = proposed.Value!.Id;

        foreach (var member in new[] { "coordinator", "dispatcher", "volunteer", "safeguarding" })
        {
            var decisions = await world.As<DecisionService>(member);
            Assert.Contains((await decisions.Proposals(world.A)).Value!, p => p.Id == id);
            Assert.True((await decisions.Get(world.A, id)).IsOk, member);
        }

        foreach (var role in NotMembers)
        {
            var decisions = await world.As<DecisionService>(role);
            var list = await decisions.Proposals(world.A);
            Assert.Null(list.Value);
            Assert.Equal(Reason.DecisionNotMember, list.Reason);
            Assert.Null((await decisions.Get(world.A, id)).Value);
            Assert.Equal(Reason.DecisionNotMember, (await decisions.Vote(world.A, id, 0, null)).Reason);
        }

        // A member of another hub asking through their own hub finds nothing by that id.
        var elsewhere = await world.As<DecisionService>("other-coordinator");
        Assert.Equal(Reason.DecisionNoSuchProposal, (await elsewhere.Get(world.C, id)).Reason);
        Assert.Empty((await world.Factory.Grains.GetGrain<IProposalGrain>(id).GetView())!.Ballots);
    }
}
