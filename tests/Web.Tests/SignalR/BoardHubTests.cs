using MutualAid.ApiTokens;

namespace MutualAid.Web.Tests.SignalR;

public sealed class BoardHubTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<HubConnection> Connection(string hub, MutualAid.Accounts.Role role = MutualAid.Accounts.Role.Dispatcher) =>
        app.Factory.BoardConnection(await app.Factory.SignedIn(await app.Factory.User(new MutualAid.Accounts.RoleGrant(role, hub))));

    [Fact]
    public async Task Two_clients_receive_the_same_ordered_deltas_for_commands_applied_through_grains()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var a = await BoardClient.Join(await Connection(hub), hub);
        await using var b = await BoardClient.Join(await Connection(hub), hub);
        var volunteer = await Seed.Volunteer(grains, hub, "Priya");

        var request = await Seed.Request(grains, hub);
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        var v = (await grain.Triage(new TriageCommand(1, Seed.Sam, Urgency.High))).Value!;
        await grain.Assign(new AssignCommand(v.Version, Seed.Sam, volunteer));

        var final = await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot();
        await Wait.Until(() => a.Board.Version == final.Version && b.Board.Version == final.Version, "both clients reach the hub's version");

        Assert.Equal(a.Covered.ToArray(), b.Covered.ToArray());
        // The volunteer, request, triage and assignment may come as fewer deltas (a busy hub batches
        // them, and the front-end sends what arrives during a send as one), but never with a gap.
        Assert.NotEmpty(a.Covered);
        Assert.Equal(final.Version, a.Covered.Last().Last);
        Assert.True(a.Covered.Zip(a.Covered.Skip(1)).All(p => p.Second.First == p.First.Last + 1), string.Join(",", a.Covered));
        var shown = Assert.Single(a.Board.Requests);
        Assert.Equal("Priya", shown.AssignedVolunteerName);
        Assert.Equal(RequestStatus.Assigned, shown.Status);
        Assert.Equal(0, a.Resyncs);
    }

    [Fact]
    public async Task Deltas_released_together_reach_a_client_as_one_merged_delta_that_brings_its_board_to_the_last()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var client = await BoardClient.Join(await Connection(hub), hub);
        await using var watch = await app.Factory.Services.GetRequiredService<MutualAid.Web.Board.BoardFeed>().Watch(hub, _ => Task.CompletedTask);
        var v = watch.Board.Version;
        var at = DateTimeOffset.UtcNow;
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        BoardDelta Step(int i) => new(hub, v + 1 + i, [new RequestUpserted(new RequestSummary(ids[i], 1, hub, RequestStatus.New, RequestCategory.Food, Urgency.Normal,
            "Elm", "Food", RequestSource.PhoneIntake, at, at, "Sam"))], watch.Board.Counts);

        // Out of order, as concurrent observer calls may arrive: the first step releases all three at once.
        await watch.Subscription.OnBoardDelta(Step(2));
        await watch.Subscription.OnBoardDelta(Step(1));
        await watch.Subscription.OnBoardDelta(Step(0));

        await Wait.Until(() => client.Board.Version == v + 3, "the client reaches the last step");
        Assert.Equal([(v + 1, v + 3)], client.Covered.ToArray());
        Assert.Equal(ids.Order(), client.Board.Requests.Select(r => r.Id).Order());
        Assert.Equal(0, client.Resyncs);
    }

    [Fact]
    public async Task A_client_that_misses_a_version_resyncs_from_a_snapshot()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        await using var client = await BoardClient.Join(await Connection(hub), hub);
        client.Drop.Add(client.Board.Version + 1); // the next delta is "lost"

        await Seed.Request(grains, hub, phone: "07700 900001");
        // The lost delta goes by on its own before the next change: a front-end sends what arrives within
        // 50 ms of a send together (BoardChannel.MinimumSendInterval), and a merged one would cover the gap.
        await Wait.Until(() => client.Drop.Count == 0, "the lost delta to go by");
        await Seed.Request(grains, hub, phone: "07700 900002");

        var server = await grains.GetGrain<MutualAid.Hubs.IHubGrain>(hub).GetSnapshot();
        await Wait.Until(() => client.Board.Version == server.Version && client.Board.Requests.Count == 2, "the client catches up");
        Assert.Equal(1, client.Resyncs);
        Assert.Equal(server.Requests.Select(r => r.Id).Order(), client.Board.Requests.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Deltas_on_the_wire_carry_no_private_fields()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var connection = await Connection(hub);
        var (snapshot, raw) = await connection.JoinRecording(hub);

        await Seed.Request(grains, hub);
        await Wait.Until(() => !raw.IsEmpty, "a delta arrives");
        var everything = string.Join("\n", raw) + snapshot.GetRawText();

        Assert.Contains("Elm Street", everything); // the area is public
        foreach (var secret in new[] { "Maria Lopez", "07700", "maria@example.org", "12 Elm Street", "51.523456" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Why_a_volunteers_claiming_is_held_reaches_the_hubs_staff_and_never_its_other_viewers()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var gus = await Seed.Volunteer(grains, hub, "Gus");
        var staffConnection = await Connection(hub);
        await using var staff = await BoardClient.Join(staffConnection, hub);
        await using var onlooker = await BoardClient.Join(await Connection(hub, MutualAid.Accounts.Role.Volunteer), hub);
        var recorded = await Connection(hub, MutualAid.Accounts.Role.Volunteer);
        var (_, raw) = await recorded.JoinRecording(hub);

        // Two claims given back within the hour, with one allowed: their claiming is held.
        var volunteer = grains.GetGrain<IVolunteerGrain>(gus);
        for (var i = 0; i < 2; i++)
        {
            var request = Guid.NewGuid();
            Assert.True((await volunteer.Reserve(request, hub, 1)).IsOk);
            await volunteer.GiveBack(request, allowedPerHour: 1);
        }

        var held = (await volunteer.GetView())!.ClaimsHeld;
        Assert.NotNull(held);
        await Wait.Until(() => staff.Board.Volunteers.Single(v => v.Id == gus).ClaimsHeld is not null, "the staff's board shows the hold");
        var version = staff.Board.Version;
        await Wait.Until(() => onlooker.Board.Version >= version && !raw.IsEmpty, "the volunteer's board reaches the same version");

        Assert.Equal(held.ToString(), staff.Board.Volunteers.Single(v => v.Id == gus).ClaimsHeld?.ToString());
        Assert.Null(onlooker.Board.Volunteers.Single(v => v.Id == gus).ClaimsHeld);
        Assert.DoesNotContain("gave back", string.Join("\n", raw), StringComparison.Ordinal);
        Assert.Null((await recorded.InvokeAsync<BoardSnapshot>("GetSnapshot", hub)).Volunteers.Single(v => v.Id == gus).ClaimsHeld);
        Assert.Null((await recorded.InvokeAsync<BoardSnapshot>("JoinHub", hub)).Volunteers.Single(v => v.Id == gus).ClaimsHeld);
        Assert.Equal(held.ToString(), (await staffConnection.InvokeAsync<BoardSnapshot>("GetSnapshot", hub)).Volunteers.Single(v => v.Id == gus).ClaimsHeld?.ToString());
        await recorded.DisposeAsync();
    }

    [Fact]
    public async Task Which_hubs_a_volunteer_gave_time_to_stays_in_the_silo_even_for_the_hubs_staff()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var hana = await Seed.Volunteer(grains, hub, "Hana");
        var recorded = await Connection(hub);
        var (snapshot, raw) = await recorded.JoinRecording(hub);

        Assert.True((await grains.GetGrain<IVolunteerGrain>(hana).Reserve(Guid.NewGuid(), hub, 1)).IsOk);
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Single(v => v.Id == hana).HoursIn is [_], "the board's row to know the job");
        await Wait.Until(() => raw.Any(m => m.Contains(hana.ToString(), StringComparison.OrdinalIgnoreCase)), "the staff to hear the row");

        Assert.Contains(hana.ToString(), snapshot.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hoursIn", string.Join("\n", raw) + snapshot.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await recorded.DisposeAsync();
    }

    /// <summary>A token as the hub's API-token page makes one: the secret stays here, the grains get its hash.</summary>
    private async Task<(Guid Id, string Secret)> Token(string hub, ApiTokenScope scope)
    {
        var (id, secret, hash) = ApiTokenFormat.Create();
        var issued = await app.Factory.Grains.GetGrain<IHubApiTokensGrain>(hub).Issue(id, new NewApiToken(hub, "Wall display", scope, new Actor("test", "Test"), hash, NewApiToken.DefaultLifetimeDays));
        Assert.True(issued.IsOk, issued.Message);
        return (id, secret);
    }

    private Task Sweep() =>
        app.Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<LiveConnectionSweep>().Single().Sweep();

    /// <summary>The refusal with the slug taken out, so refusals for different hubs can be compared.</summary>
    private static async Task<string> Refusal(HubConnection connection, string method, string slug) =>
        (await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>(method, slug))).Message.Replace(slug, "…", StringComparison.Ordinal);

    [Fact]
    public async Task A_read_token_watches_its_hubs_board_without_what_only_staff_see_and_a_dispatch_token_as_staff()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var gus = await Seed.Volunteer(grains, hub, "Gus");
        var staff = app.Factory.BoardConnection(apiToken: (await Token(hub, ApiTokenScope.Dispatch)).Secret);
        var (_, staffRaw) = await staff.JoinRecording(hub);
        var reader = app.Factory.BoardConnection(apiToken: (await Token(hub, ApiTokenScope.Read)).Secret);
        var (snapshot, raw) = await reader.JoinRecording(hub);
        Assert.Contains(gus.ToString(), snapshot.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // The sweep closes connections nobody stands behind any more; a live token still does.
        await Sweep();

        // Two claims given back within the hour, with one allowed: their claiming is held.
        var volunteer = grains.GetGrain<IVolunteerGrain>(gus);
        for (var i = 0; i < 2; i++)
        {
            var claimed = Guid.NewGuid();
            Assert.True((await volunteer.Reserve(claimed, hub, 1)).IsOk);
            await volunteer.GiveBack(claimed, allowedPerHour: 1);
        }

        await Wait.Until(() => staffRaw.Any(m => m.Contains("gave back", StringComparison.Ordinal)), "the dispatch token hears why Gus's claiming is held");
        var request = await Seed.Request(grains, hub);
        await Wait.Until(() => raw.Any(m => m.Contains(request.Id.ToString(), StringComparison.OrdinalIgnoreCase)), "the read token hears the new request");

        Assert.Equal(HubConnectionState.Connected, reader.State);
        Assert.Contains(raw, m => m.Contains(gus.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("gave back", string.Join("\n", raw) + snapshot.GetRawText(), StringComparison.Ordinal);
        Assert.Null((await reader.InvokeAsync<BoardSnapshot>("GetSnapshot", hub)).Volunteers.Single(v => v.Id == gus).ClaimsHeld);
        Assert.NotNull((await staff.InvokeAsync<BoardSnapshot>("GetSnapshot", hub)).Volunteers.Single(v => v.Id == gus).ClaimsHeld);
        await reader.DisposeAsync();
        await staff.DisposeAsync();
    }

    [Fact]
    public async Task A_token_is_refused_another_hub_exactly_as_a_hub_that_does_not_exist()
    {
        var grains = app.Factory.Grains;
        var mine = await Seed.Hub(grains);
        var other = await Seed.Hub(grains);
        await using var connection = app.Factory.BoardConnection(apiToken: (await Token(mine, ApiTokenScope.Dispatch)).Secret);
        await connection.StartAsync();
        Assert.Equal(mine, (await connection.InvokeAsync<BoardSnapshot>("JoinHub", mine)).HubSlug);

        foreach (var method in new[] { "JoinHub", "GetSnapshot" })
        {
            Assert.Equal(await Refusal(connection, method, "no-such-hub"), await Refusal(connection, method, other));
        }
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_its_open_board_is_closed()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var (id, secret) = await Token(hub, ApiTokenScope.Read);
        var watching = app.Factory.BoardConnection(apiToken: secret);
        await using var board = await BoardClient.Join(watching, hub);
        // Connected before the revocation but on no board yet: the sweep passes it by, so only the hub's own check can refuse it.
        await using var idle = app.Factory.BoardConnection(apiToken: secret);
        await idle.StartAsync();

        Assert.True((await grains.GetGrain<IHubApiTokensGrain>(hub).Revoke(id, new Actor("test", "Test"))).IsOk);

        foreach (var method in new[] { "JoinHub", "GetSnapshot" })
        {
            Assert.Equal(await Refusal(idle, method, "no-such-hub"), await Refusal(idle, method, hub));
        }

        await Wait.Until(() => watching.State == HubConnectionState.Disconnected, "the revoked token's open board is closed", seconds: 5);
        await using var again = app.Factory.BoardConnection(apiToken: secret);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }

    [Fact]
    public async Task A_person_refused_a_hub_that_exists_hears_what_they_would_for_one_that_does_not()
    {
        var grains = app.Factory.Grains;
        var mine = await Seed.Hub(grains);
        var other = await Seed.Hub(grains);
        await using var connection = await Connection(mine);
        await connection.StartAsync();

        foreach (var method in new[] { "JoinHub", "GetSnapshot" })
        {
            // Before, "You may not view hub" for the other hub told a dispatcher it was there.
            Assert.Equal(await Refusal(connection, method, "no-such-hub"), await Refusal(connection, method, other));
        }
    }

    [Fact]
    public async Task Joining_a_hub_that_does_not_exist_is_a_clear_error()
    {
        await using var connection = await Connection("north");
        await connection.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<BoardSnapshot>("JoinHub", "no-such-hub"));
        Assert.Contains("There is no hub 'no-such-hub'", error.Message);
    }
}
