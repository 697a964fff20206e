namespace MutualAid.Web.Tests.People;

public sealed class TeamTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;

    private static async Task<HttpStatusCode> Get(HttpClient client, string path, bool api = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (api) request.Headers.Add(ClientHeaderFilter.Header, "tests");
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>What a plain page says (its main part; the header carries the address and a per-response token).</summary>
    private static string Page(string html) => html[html.IndexOf("<main>", StringComparison.Ordinal)..];

    private static async Task<(HttpStatusCode Status, string Body)> Login(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), TeamWorld.Form(page, new() { ["email"] = email, ["password"] = password }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_whose_role_is_removed_gets_no_further_delta_and_their_cookie_is_refused_at_once()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var vera = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Vera");
        var dina = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Dina");
        using var veraBrowser = await world.Factory.SignedIn(vera);
        using var dinaBrowser = await world.Factory.SignedIn(dina);
        var veraConnection = world.Factory.BoardConnection(veraBrowser);
        await using var veraBoard = await BoardClient.Join(veraConnection, Hub);
        await using var dinaBoard = await BoardClient.Join(world.Factory.BoardConnection(dinaBrowser), Hub);

        var before = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900201");
        await Wait.Until(() => veraBoard.Board.Requests.Any(r => r.Id == before.Id), "the member sees a new request live");
        Assert.Equal(HttpStatusCode.OK, await Get(veraBrowser, $"/hubs/{Hub}/export/requests.csv"));

        var removed = await (await world.TeamAs(world.Coordinator)).RemoveRole(Hub, vera, Role.Volunteer);
        Assert.True(removed.IsOk, removed.Message);

        // Their cookie: refused at the very next request, for the board, the CSV and the API.
        var board = await veraBrowser.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.Contains("/account/login", board.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, await Get(veraBrowser, $"/hubs/{Hub}/export/requests.csv"));
        Assert.NotEqual(HttpStatusCode.OK, await Get(veraBrowser, $"/api/v1/requests/{before.Id}", api: true));

        // Their live connection: out of the hub within five seconds (the sweep closes it).
        await Wait.Until(() => veraConnection.State == HubConnectionState.Disconnected, "the revoked connection is closed", seconds: 5);
        var after = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900202");
        await Wait.Until(() => dinaBoard.Board.Requests.Any(r => r.Id == after.Id), "a member still on the hub gets the delta");
        Assert.DoesNotContain(veraBoard.Board.Requests, r => r.Id == after.Id);

        // Joining again is refused: the account no longer has the role.
        using var again = await world.Factory.SignedIn(vera);
        await using var retry = world.Factory.BoardConnection(again);
        await retry.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => retry.InvokeAsync<MutualAid.Board.BoardSnapshot>("JoinHub", Hub));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_sessions_end()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var dan = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Dan");
        using var session = await world.Factory.SignedIn(dan);
        Assert.Equal(HttpStatusCode.OK, await Get(session, $"/hubs/{Hub}"));

        Assert.Equal(ResultStatus.Refused, (await (await world.TeamAs(world.Coordinator)).SetDisabled(dan, true)).Status); // coordinators may not
        var disabled = await (await world.TeamAs(world.Admin)).SetDisabled(dan, true);
        Assert.True(disabled.IsOk, disabled.Message);

        Assert.Equal(HttpStatusCode.Redirect, await Get(session, $"/hubs/{Hub}"));
        using var browser = world.Browser();
        var (status, body) = await Login(browser, dan, WebAppFactory.Password);
        var (wrongStatus, wrongBody) = await Login(browser, "nobody-here@example.org", "not the password at all");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(wrongStatus, status);
        Assert.Contains("do not match", body);
        Assert.Contains("do not match", wrongBody);
    }

    [Fact]
    public async Task A_coordinator_of_another_hub_can_neither_list_nor_change_this_team()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var val = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Val");
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, Hub), null, TimeSpan.FromDays(1), cora);
        var key = AccountService.TokenKey(link.Value!);
        var otto = await world.TeamAs(world.OtherCoordinator);

        var members = await otto.Members(Hub);
        var links = await otto.PendingLinks(Hub);
        var remove = await otto.RemoveRole(Hub, val, Role.Volunteer);
        var removeNobody = await otto.RemoveRole(Hub, "nobody@example.org", Role.Volunteer);
        var reset = await otto.IssuePasswordReset(Hub, val);
        var revoke = await otto.RevokeLink(Hub, key);
        foreach (var refused in new[] { members.Status, links.Status, remove.Status, removeNobody.Status, reset.Status, revoke.Status })
        {
            Assert.Equal(ResultStatus.Refused, refused);
        }

        // The same words whether or not the member exists: nothing learned.
        Assert.Equal(remove.Message, removeNobody.Message);
        Assert.Null(members.Value);
        Assert.Contains(new RoleGrant(Role.Volunteer, Hub), (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(val)).GetAccount())!.Roles);
        Assert.Contains((await (await world.TeamAs(world.Coordinator)).PendingLinks(Hub)).Value!, p => p.Key == key);

        using var page = await world.Factory.SignedIn(world.OtherCoordinator);
        var response = await page.GetAsync(new Uri($"/hubs/{Hub}/team", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);

        // Their own hub's coordinator sees the member, with the role held here.
        var listed = await (await world.TeamAs(world.Coordinator)).Members(Hub);
        Assert.Contains(listed.Value!, m => m.Email == val && m.Roles.SequenceEqual([Role.Volunteer]) && m.LastSignInAt is not null); // joining signed them in
    }

    [Fact]
    public async Task A_revoked_invitation_link_answers_like_one_that_never_existed()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var link = await world.Accounts.Invite(new RoleGrant(Role.Dispatcher, Hub), "later@example.org", TimeSpan.FromDays(3), cora);
        var key = AccountService.TokenKey(link.Value!);
        var team = await world.TeamAs(world.Coordinator);
        var pending = Assert.Single((await team.PendingLinks(Hub)).Value!, p => p.Key == key);
        Assert.Equal(("later@example.org", Role.Dispatcher, "Cora"), (pending.Email, pending.Grant.Role, pending.CreatedBy.DisplayName));

        Assert.True((await team.RevokeLink(Hub, key)).IsOk);

        Assert.DoesNotContain((await team.PendingLinks(Hub)).Value!, p => p.Key == key);
        using var browser = world.Browser();
        var revoked = await browser.GetAsync(new Uri($"/invite/{link.Value}", UriKind.Relative));
        var unknown = await browser.GetAsync(new Uri("/invite/no-such-token-0123456789", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(unknown.StatusCode, revoked.StatusCode);
        Assert.Equal(Page(await unknown.Content.ReadAsStringAsync()), Page(await revoked.Content.ReadAsStringAsync()));
        var redeemed = await world.Accounts.Accept(link.Value!, "later@example.org", "Late", WebAppFactory.Password, "test");
        Assert.Equal(ResultStatus.NotFound, redeemed.Status);
    }

    [Fact]
    public async Task A_password_reset_link_works_once_and_ends_the_old_sessions()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var rita = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Rita");
        using var oldSession = await world.Factory.SignedIn(rita);
        Assert.Equal(ResultStatus.Refused, (await (await world.TeamAs(world.Coordinator)).IssuePasswordReset(Hub, world.Admin)).Status); // not a coordinator's to reset
        var issued = await (await world.TeamAs(world.Coordinator)).IssuePasswordReset(Hub, rita);
        Assert.True(issued.IsOk, issued.Message);
        var path = new Uri($"/reset/{issued.Value}", UriKind.Relative);

        using var browser = world.Browser();
        var form = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        const string NewPassword = "a brand new passphrase";
        var done = await browser.PostAsync(path, TeamWorld.Form(await form.Content.ReadAsStringAsync(), new() { ["password"] = NewPassword }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await Login(world.Browser(), rita, NewPassword)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Login(world.Browser(), rita, WebAppFactory.Password)).Status);
        Assert.Equal(HttpStatusCode.Redirect, await Get(oldSession, $"/hubs/{Hub}"));

        var again = await browser.GetAsync(path);
        var unknown = await browser.GetAsync(new Uri("/reset/no-such-token-0123456789", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(Page(await unknown.Content.ReadAsStringAsync()), Page(await again.Content.ReadAsStringAsync()));
        var token = FormToken.In(await form.Content.ReadAsStringAsync());
        var reused = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["password"] = "yet another passphrase" }));
        Assert.NotEqual(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Login(world.Browser(), rita, NewPassword)).Status);
    }

    [Fact]
    public async Task A_hub_named_board_shows_its_board_and_sign_in_records_the_time()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var bo = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Bo");
        using var client = await world.Factory.SignedIn(bo);
        var page = await client.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The board page (its policy ran: a coordinator of another hub is refused), not the live endpoint that used to live here.
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("_framework/blazor.web", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var outsider = await world.Factory.SignedIn(world.OtherCoordinator);
        var refused = await outsider.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative));
        Assert.Contains("/account/denied", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var live = await BoardClient.Join(world.Factory.BoardConnection(client), Hub);
        Assert.Equal("Board Street Pantry", live.Board.HubName);

        var members = await (await world.TeamAs(world.Coordinator)).Members(Hub);
        Assert.NotNull(Assert.Single(members.Value!, m => m.Email == bo).LastSignInAt);
    }

    [Fact]
    public async Task Invite_an_existing_volunteer_binds_the_link_to_them()
    {
        var imported = await Seed.Volunteer(world.Factory.Grains, Hub, "Imported Ida");
        var team = await world.TeamAs(world.Coordinator);
        await Wait.Until(async () => (await team.VolunteersWithoutAccount(Hub)).Any(v => v.Id == imported), "the imported volunteer is offered");
        Assert.Equal(ResultStatus.Refused, (await (await world.TeamAs(world.OtherCoordinator)).InviteExistingVolunteer(Hub, imported, null, TimeSpan.FromDays(1))).Status);

        var link = await team.InviteExistingVolunteer(Hub, imported, null, TimeSpan.FromDays(1));
        Assert.True(link.IsOk, link.Message);
        Assert.Equal(imported, (await world.Accounts.PeekInvitation(link.Value!))!.VolunteerId);
        Assert.Contains((await team.PendingLinks(Hub)).Value!, p => p.VolunteerId == imported && p.Grant == new RoleGrant(Role.Volunteer, Hub));
    }

    [Fact]
    public async Task Two_volunteers_of_one_name_are_told_apart_in_the_invitation_list_by_how_they_are_reached()
    {
        var grains = world.Factory.Grains;
        async Task<Guid> Maria(string? phone, string? email)
        {
            var id = Guid.NewGuid();
            var registered = await grains.GetGrain<IVolunteerGrain>(id).Register(
                new VolunteerProfile("Maria Twofold", [Hub], [RequestCategory.Food], ["English"], false, 3, 10) { Contact = new ContactDetails("Maria Twofold", phone, email, null) }, Seed.Sam);
            Assert.True(registered.IsOk, registered.Message);
            return id;
        }

        var (byPhone, byEmail) = (await Maria("07700 900731", null), await Maria(null, "maria.two@example.org"));
        var team = await world.TeamAs(world.Coordinator);
        await Wait.Until(async () => (await team.InviteCandidates(Hub)).Count(c => c.Name == "Maria Twofold") == 2, "both are offered");

        var labels = (await team.InviteCandidates(Hub)).Where(c => c.Name == "Maria Twofold").ToDictionary(c => c.Id, c => c.Label);
        Assert.Equal("Maria Twofold · 07700 900731", labels[byPhone]);
        Assert.Equal("Maria Twofold · maria.two@example.org", labels[byEmail]);
        Assert.Empty(await (await world.TeamAs(world.OtherCoordinator)).InviteCandidates(Hub)); // another hub's coordinator sees none of them
    }

    [Fact]
    public async Task A_hub_never_loses_its_last_coordinator_to_one_click()
    {
        var admin = await world.ActorOf(world.Admin);
        var hub = await Seed.Hub(world.Factory.Grains);
        var fern = await world.Join(new RoleGrant(Role.Coordinator, hub), admin, "Fern");

        var alone = await (await world.TeamAs(fern)).RemoveRole(hub, fern, Role.Coordinator);
        Assert.Equal((ResultStatus.Refused, Reason.LastCoordinator), (alone.Status, alone.Reason));

        var gus = await world.Join(new RoleGrant(Role.Coordinator, hub), admin, "Gus");
        var steppedDown = await (await world.TeamAs(fern)).RemoveRole(hub, fern, Role.Coordinator);
        Assert.True(steppedDown.IsOk, steppedDown.Message);

        var last = await (await world.TeamAs(world.Admin)).RemoveRole(hub, gus, Role.Coordinator);
        Assert.Equal((ResultStatus.Refused, Reason.LastCoordinator), (last.Status, last.Reason));
        Assert.Contains(new RoleGrant(Role.Coordinator, hub), (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(gus)).GetAccount())!.Roles);
    }

    [Fact]
    public async Task Two_coordinators_removing_each_other_at_the_same_instant_leave_the_hub_one_of_them()
    {
        var admin = await world.ActorOf(world.Admin);
        // Many hubs raced at once, so the calls interleave: before the hub's team grain, both counts of a
        // pair could read "two" before either revoke, and the hub was left with nobody.
        var pairs = new List<(string Hub, TeamService AsFern, string Fern, TeamService AsGus, string Gus)>();
        for (var i = 0; i < 12; i++)
        {
            var hub = await Seed.Hub(world.Factory.Grains);
            var fern = await world.Join(new RoleGrant(Role.Coordinator, hub), admin, "Fern");
            var gus = await world.Join(new RoleGrant(Role.Coordinator, hub), admin, "Gus");
            pairs.Add((hub, await world.TeamAs(fern), fern, await world.TeamAs(gus), gus));
        }

        var raced = await Task.WhenAll(pairs.Select(async p =>
            await Task.WhenAll(p.AsFern.RemoveRole(p.Hub, p.Gus, Role.Coordinator), p.AsGus.RemoveRole(p.Hub, p.Fern, Role.Coordinator))));

        var directory = await world.Factory.Grains.GetGrain<IUserDirectoryGrain>(0).List();
        foreach (var (pair, both) in pairs.Zip(raced))
        {
            Assert.Equal(1, directory.Count(u => u.Roles.Contains(new RoleGrant(Role.Coordinator, pair.Hub))));
            Assert.Equal(Reason.LastCoordinator, Assert.Single(both, r => !r.IsOk).Reason);
        }
    }
}
