using MutualAid.Decisions;
using MutualAid.Fund;

namespace MutualAid.Web.Tests.People;

public sealed class ErasedVolunteerAccountTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;
    private const string Name = "Quillon";

    private static async Task<HttpStatusCode> Login(HttpClient client, string email)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        return (await client.PostAsync(new Uri("/account/login", UriKind.Relative), TeamWorld.Form(page, new() { ["email"] = email, ["password"] = WebAppFactory.Password }))).StatusCode;
    }

    [Fact]
    public async Task Erasing_a_volunteer_forgets_their_account_email_and_name_and_ends_their_sign_in()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var email = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, Name);
        var volunteerId = (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.VolunteerId!.Value;
        using var session = await world.Factory.SignedIn(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);
        var team = await world.TeamAs(world.Coordinator);
        Assert.Contains((await team.Members(Hub)).Value!, m => m.Email == email);

        var erased = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(erased.IsOk, erased.Message);
        var members = (await team.Members(Hub)).Value!;
        Assert.DoesNotContain(members, m => m.Email.Contains(email, StringComparison.OrdinalIgnoreCase) || m.DisplayName.Contains("Quillon", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(world.Factory.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("Quillon", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, await Login(world.Browser(), email));
        // Nor is the erased volunteer offered for a new account to bind to.
        Assert.DoesNotContain(await team.VolunteersWithoutAccount(Hub), v => v.Id == volunteerId);

        // The email is free again: the person may join afresh, as a new volunteer.
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, Hub), null, TimeSpan.FromDays(1), cora);
        await world.Accept(link.Value!, email, "Quill Again");
        var again = Assert.Single((await team.Members(Hub)).Value!, m => m.Email == email);
        Assert.Equal("Quill Again", again.DisplayName);
        Assert.NotEqual(volunteerId, (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.VolunteerId);
    }

    /// <summary>Makes a coordinator of the other hub who then joins this hub as a volunteer with the same account (the hunt's Hal).</summary>
    private async Task<(string Email, Guid VolunteerId)> OtherHubCoordinatorVolunteeringHere(string name)
    {
        var email = await world.Join(new RoleGrant(Role.Coordinator, TeamWorld.OtherHub), await world.ActorOf(world.Admin), name);
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, Hub), null, TimeSpan.FromDays(1), await world.ActorOf(world.Coordinator));
        await world.Accept(link.Value!, email, name);
        var account = (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!;
        Assert.Contains(new RoleGrant(Role.Volunteer, Hub), account.Roles);
        return (email, account.VolunteerId!.Value);
    }

    private async Task AssertKeptOnlyTheirOtherHub(string email, Guid volunteerId)
    {
        var account = await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        Assert.NotNull(account);
        Assert.Equal([new RoleGrant(Role.Coordinator, TeamWorld.OtherHub)], account.Roles);
        Assert.Null(account.VolunteerId); // no longer theirs: the volunteer is a tombstone
        Assert.Equal(ContactDetails.ErasedName, (await world.Factory.Grains.GetGrain<IVolunteerGrain>(volunteerId).GetView())!.Profile.Name);
        Assert.DoesNotContain((await (await world.TeamAs(world.Coordinator)).Members(Hub)).Value!, m => m.Email == email);
        Assert.Contains((await (await world.TeamAs(email)).Members(TeamWorld.OtherHub)).Value!, m => m.Email == email && m.Roles.Contains(Role.Coordinator));
        Assert.Equal(HttpStatusCode.Redirect, await Login(world.Browser(), email)); // signed in
        using var session = await world.Factory.SignedIn(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri($"/hubs/{TeamWorld.OtherHub}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);
        // Nor is the erased volunteer offered for another account to bind to.
        Assert.DoesNotContain(await (await world.TeamAs(world.Coordinator)).VolunteersWithoutAccount(Hub), v => v.Id == volunteerId);
    }

    [Fact]
    public async Task Erasing_a_volunteer_who_coordinates_another_hub_ends_only_their_volunteering_here()
    {
        var (email, volunteerId) = await OtherHubCoordinatorVolunteeringHere("Halloran");
        using var before = await world.Factory.SignedIn(email);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);

        var erased = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        // The coordinator reads what they read for anyone: nothing says the person has a role elsewhere.
        Assert.True(erased.IsOk, erased.Message);
        Assert.Equal(ContactDetails.ErasedName, erased.Value!.Profile.Name);
        await AssertKeptOnlyTheirOtherHub(email, volunteerId);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode); // the open session lost this hub
    }

    [Fact]
    public async Task An_erasure_cut_short_after_the_volunteer_is_finished_by_erasing_again()
    {
        var (email, volunteerId) = await OtherHubCoordinatorVolunteeringHere("Hallbjorn");
        // As if the web tier died right after the volunteer's own write, before any account was told.
        Assert.True((await world.Factory.Grains.GetGrain<IVolunteerGrain>(volunteerId).ErasePersonalData(await world.ActorOf(world.Coordinator))).IsOk);

        var again = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(again.IsOk, again.Message);
        await AssertKeptOnlyTheirOtherHub(email, volunteerId);
    }

    [Fact]
    public async Task A_volunteer_whose_every_role_is_at_this_hub_is_still_forgotten_whole()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var email = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Ysolde");
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, Hub), null, TimeSpan.FromDays(1), cora);
        await world.Accept(link.Value!, email, "Ysolde");
        var user = world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email));
        var volunteerId = (await user.GetAccount())!.VolunteerId!.Value;

        var erased = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(erased.IsOk, erased.Message);
        Assert.Null(await user.GetAccount());
        Assert.Equal(HttpStatusCode.BadRequest, await Login(world.Browser(), email));
        Assert.DoesNotContain((await (await world.TeamAs(world.Coordinator)).Members(Hub)).Value!, m => m.Email == email || m.DisplayName == "Ysolde");
    }

    [Fact]
    public async Task Erasing_a_volunteer_takes_their_name_out_of_the_fund_and_the_decisions_and_the_fund_pays_them_no_more()
    {
        const string name = "Gilberto";
        var grains = world.Factory.Grains;
        var cora = await world.ActorOf(world.Coordinator);
        var email = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, name);
        var account = (await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!;
        var volunteerId = account.VolunteerId!.Value;
        var self = new Actor(account.Email, account.DisplayName); // as they are signed in
        var fund = grains.GetGrain<IHubFundGrain>(Hub);
        var waiting = await fund.Record(new NewFundEntry(FundEntryKind.ReimbursementAsked, 12.50m, RequestCategory.Food, "Taxi for Gilberto's job", self) { PayeeVolunteerId = volunteerId, PayeeName = name });
        Assert.True(waiting.IsOk, waiting.Message);
        var paid = (await fund.Record(new NewFundEntry(FundEntryKind.ReimbursementAsked, 5m, RequestCategory.Food, "Bread", self) { PayeeVolunteerId = volunteerId, PayeeName = name })).Value!;
        Assert.True((await fund.Approve(paid.Id, cora)).IsOk);
        Assert.True((await fund.Record(new NewFundEntry(FundEntryKind.Donation, 100m, RequestCategory.Food, "", cora))).IsOk);
        var totals = System.Text.Json.JsonSerializer.Serialize(await fund.GetTotals(DateTimeOffset.MinValue));
        var proposal = grains.GetGrain<IProposalGrain>(Guid.NewGuid());
        var proposed = await proposal.Propose(new NewProposal(Hub, "Buy a van", "Gilberto can drive it", DateTimeOffset.UtcNow.AddDays(1), [], self));
        Assert.True(proposed.IsOk, proposed.Message);
        Assert.True((await proposal.Vote(0, null, self)).IsOk);
        Assert.True((await proposal.Vote(0, null, cora)).IsOk);
        var decisions = grains.GetGrain<IHubDecisionsGrain>(Hub);
        Assert.Contains(await decisions.Proposals(), p => p.ProposedBy == name);

        var erased = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(erased.IsOk, erased.Message);
        var ledger = await fund.GetLedger();
        Assert.DoesNotContain(name, System.Text.Json.JsonSerializer.Serialize(ledger), StringComparison.OrdinalIgnoreCase); // their email starts with it too
        var theirs = ledger.Entries.Where(e => e.PayeeVolunteerId == volunteerId).ToArray();
        Assert.Equal(3, theirs.Length); // two asks and one payment
        Assert.All(theirs, e => Assert.Equal(ContactDetails.ErasedName, e.PayeeName));
        Assert.Equal("Taxi for [erased]'s job", ledger.Entries.Single(e => e.Id == waiting.Value!.Id).Note);
        Assert.Equal(new[] { 12.50m, 5m, 5m, 100m }, ledger.Entries.Select(e => e.Amount));
        Assert.Equal(totals, System.Text.Json.JsonSerializer.Serialize(await fund.GetTotals(DateTimeOffset.MinValue))); // the money still adds up
        var pay = await fund.Approve(waiting.Value!.Id, cora);
        Assert.Equal((ResultStatus.Refused, Reason.FundPayeeErased), (pay.Status, pay.Reason));

        var view = (await proposal.GetView())!;
        Assert.DoesNotContain(name, System.Text.Json.JsonSerializer.Serialize(view), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ContactDetails.ErasedName, view.Proposed.Proposer.DisplayName);
        Assert.Equal("[erased] can drive it", view.Proposed.Text);
        Assert.Equal(2, view.Ballots.Count); // their vote still counts
        Assert.Contains(view.Ballots, b => b.Voter.UserId == cora.UserId);
        var listed = Assert.Single(await decisions.Proposals(), p => p.Id == view.Id);
        Assert.Equal(ContactDetails.ErasedName, listed.ProposedBy);

        // Erasing again finds nothing more to take out of the ledger.
        Assert.True((await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId)).IsOk);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(ledger), System.Text.Json.JsonSerializer.Serialize(await fund.GetLedger()));
    }

    [Fact]
    public async Task The_question_before_erasing_a_volunteer_says_what_is_kept()
    {
        await using var context = ComponentContext.Create(world.Factory, new RoleGrant(Role.Coordinator, Hub));

        var volunteer = context.Render<ConfirmErase>(p => p.Add(x => x.Name, "Gil").Add(x => x.Volunteer, true).Add(x => x.TestId, "v"));
        var requester = context.Render<ConfirmErase>(p => p.Add(x => x.Name, "Maria").Add(x => x.TestId, "r"));

        var asked = volunteer.Find("[data-testid=v-ask]").TextContent;
        Assert.Contains("Gil", asked, StringComparison.Ordinal);
        Assert.Contains("fund", asked, StringComparison.Ordinal);
        Assert.Contains("safety concerns", asked, StringComparison.Ordinal);
        Assert.Empty(requester.FindAll("[data-testid=r-kept]"));
    }

    [Fact]
    public async Task Erasing_a_volunteer_takes_their_name_out_of_the_requests_they_did_and_turned_down_and_out_of_the_handover()
    {
        const string name = "Zephyrine";
        var grains = world.Factory.Grains;
        var cora = await world.ActorOf(world.Coordinator);
        var email = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, name);
        var account = (await grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!;
        var volunteerId = account.VolunteerId!.Value;
        var self = new Actor(account.Email, account.DisplayName); // as they are signed in
        Assert.True((await grains.GetGrain<IVolunteerGrain>(volunteerId).SetOnDuty(true, self)).IsOk);

        // One they did, accepting and delivering it themselves; one they turned down.
        var done = await Seed.Request(grains, Hub, "07700 900401");
        var first = grains.GetGrain<IRequestGrain>(done.Id);
        var step = (await first.Assign(new AssignCommand(done.Version, cora, volunteerId))).Value!;
        step = (await first.Accept(new RequestCommand(step.Version, self) { AsVolunteer = volunteerId })).Value!;
        step = (await first.Start(new RequestCommand(step.Version, self) { AsVolunteer = volunteerId })).Value!;
        var delivered = await first.Fulfil(new FulfilCommand(step.Version, self, 1) { AsVolunteer = volunteerId });
        Assert.True(delivered.IsOk, delivered.Message);
        var declined = await Seed.Request(grains, Hub, "07700 900402");
        var second = grains.GetGrain<IRequestGrain>(declined.Id);
        var offered = (await second.Assign(new AssignCommand(declined.Version, cora, volunteerId))).Value!;
        var turnedDown = (await second.Decline(new RequestCommand(offered.Version, self, "Too far") { AsVolunteer = volunteerId })).Value!;
        // What staff typed names them too: a note on the phone, a reason (in whatever case they wrote it).
        Assert.True((await first.AddNote(new AddNote(NoteKind.Called, "Neighbour says zephyrine left the bags at no. 4", false, cora))).IsOk);
        Assert.True((await second.Cancel(new RequestCommand(turnedDown.Version, cora, "Only Zephyrine could go; found elsewhere"))).IsOk);
        Assert.Contains(await first.GetAudit(), e => e.Said.ToString().Contains(name, StringComparison.Ordinal));
        var outbox = grains.GetGrain<MutualAid.Notifications.IOutboxGrain>(Hub);
        async Task<bool> Told(Guid request) => (await outbox.ForRecipient(MutualAid.Notifications.Recipient.Requester(request), 20)).Any(e => e.Message.Said.ToString().Contains(name, StringComparison.Ordinal));
        await Wait.Until(() => Told(done.Id), "the person who asked is told Zephyrine is on the way");
        await Wait.Until(() => Told(declined.Id), "the other person who asked is told why it was cancelled, as typed");
        Assert.Contains(name, await (await world.As<HandoverService>(world.Coordinator)).Text(Hub, 1), StringComparison.Ordinal);

        var erased = await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(erased.IsOk, erased.Message);
        foreach (var request in new[] { first, second })
        {
            var audit = await request.GetAudit();
            Assert.DoesNotContain(audit, e => e.Said.ToString().Contains(name, StringComparison.Ordinal) || e.Actor.DisplayName.Contains(name, StringComparison.Ordinal)
                || e.Actor.UserId.Contains(email, StringComparison.OrdinalIgnoreCase) || (e.Reason ?? "").Contains(name, StringComparison.OrdinalIgnoreCase));
            var notes = (await request.GetNotes(new NoteScope())).Value!;
            Assert.DoesNotContain(notes, n => n.Text.Contains(name, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(audit, e => e.Said.ToString().Contains(ContactDetails.ErasedName, StringComparison.Ordinal)); // unnamed, not struck out
            Assert.DoesNotContain(name, System.Text.Json.JsonSerializer.Serialize(await request.GetView()), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(name, await (await world.As<HandoverService>(world.Coordinator)).Text(Hub, 1), StringComparison.Ordinal);
        Assert.Equal("Neighbour says [erased] left the bags at no. 4", Assert.Single((await first.GetNotes(new NoteScope())).Value!).Text);
        Assert.Contains(await second.GetAudit(), e => e.Reason == "Only [erased] could go; found elsewhere");
        Assert.False(await Told(done.Id));
        Assert.False(await Told(declined.Id));
        Assert.Empty(await grains.GetGrain<IVolunteerGrain>(volunteerId).GetRequestsNamingThem()); // the tombstone keeps no trace of which
        Assert.NotEmpty(await outbox.ForRecipient(MutualAid.Notifications.Recipient.Requester(done.Id), 20)); // what did not name them stays
        // Erasing again finds nothing more to take out, and writes nothing.
        var version = (await first.GetView())!.Version;
        Assert.True((await (await world.As<PeopleService>(world.Coordinator)).EraseVolunteer(Hub, volunteerId)).IsOk);
        Assert.Equal(version, (await first.GetView())!.Version);
    }
}
