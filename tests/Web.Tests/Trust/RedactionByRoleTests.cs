using MutualAid.Web.Tests.SignalR;

namespace MutualAid.Web.Tests.Trust;

public sealed class RedactionByRoleTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly string[] Secrets = ["Maria Lopez", "maria@example.org", "12 Elm Street", "51.523456"];

    private Task<RequestReader> ActionsFor(string role, Guid? volunteerId = null) => world.As<RequestReader>(role, volunteerId);

    [Fact]
    public async Task Private_details_reach_the_hubs_dispatchers_and_the_assigned_volunteer_only_while_their_claim_is_active()
    {
        var grains = world.Factory.Grains;
        var phone = "07700 8" + Random.Shared.Next(10000, 99999);
        var request = await Seed.Request(grains, world.A, phone: phone);
        var volunteer = await Seed.Volunteer(grains, world.A, "Val");

        foreach (var role in new[] { "coordinator", "dispatcher" }) Assert.NotNull(await (await ActionsFor(role)).PrivateView(request.Id));
        foreach (var role in new[] { "anonymous", "admin", "regional", "volunteer", "other-coordinator" }) Assert.Null(await (await ActionsFor(role)).PrivateView(request.Id));
        Assert.Null(await (await ActionsFor("volunteer", volunteer)).PrivateView(request.Id)); // not theirs yet

        var assigned = await grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(1, Seed.Sam, volunteer));
        Assert.Null(await (await ActionsFor("volunteer", volunteer)).PrivateView(request.Id)); // offered, not yet accepted: no claim yet
        assigned = await grains.GetGrain<IRequestGrain>(request.Id).Accept(new RequestCommand(assigned.Value!.Version, Seed.Sam));
        Assert.Equal(phone, (await (await ActionsFor("volunteer", volunteer)).PrivateView(request.Id))!.Contact.Phone);
        Assert.Null(await (await ActionsFor("volunteer")).PrivateView(request.Id)); // another volunteer of the hub

        await grains.GetGrain<IRequestGrain>(request.Id).Unassign(new RequestCommand(assigned.Value!.Version, Seed.Sam, "swap"));
        Assert.Null(await (await ActionsFor("volunteer", volunteer)).PrivateView(request.Id)); // stops when unassigned
    }

    [Fact]
    public async Task The_address_is_withdrawn_from_the_volunteer_the_moment_their_claim_runs_out()
    {
        var grains = world.Factory.Grains;
        var request = await Seed.Request(grains, world.A, phone: "07700 6" + Random.Shared.Next(10000, 99999));
        var volunteer = await Seed.Volunteer(grains, world.A, "Cleo");
        var claimed = (await grains.GetGrain<IRequestGrain>(request.Id).Claim(new ClaimCommand(1, Seed.Sam, volunteer))).Value!;
        var until = claimed.Assignment!.ClaimExpiresAt!.Value;
        var account = (await grains.GetGrain<IUserGrain>(IUserGrain.Key(world.Users["volunteer"]!)).GetAccount())!;
        var principal = AccountClaims.Principal(account with { VolunteerId = volunteer });
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(until - TimeSpan.FromMinutes(1));
        var access = new Access(world.Factory.Services.GetRequiredService<HubDirectory>(), clock);

        Assert.True(await access.CanSeePrivate(principal, claimed));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await access.CanSeePrivate(principal, claimed)); // even before the reminder returns it to the board
    }

    [Fact]
    public async Task The_export_carries_private_details_to_the_coordinator_and_nothing_to_anyone_else()
    {
        var phone = "07700 7" + Random.Shared.Next(10000, 99999);
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: phone);
        await Wait.Until(async () => (await world.Factory.Grains.GetGrain<MutualAid.Hubs.IHubGrain>(world.A)
            .FindRequestsByContact(new MutualAid.Common.ContactDetails("-", phone, null, null).MatchKey()!)).Count == 1, "the hub indexes the person");
        var path = new Uri($"/hubs/{world.A}/people/export?phone={Uri.EscapeDataString(phone)}", UriKind.Relative);

        using var coordinator = await world.Client("coordinator");
        var json = await coordinator.GetStringAsync(path);
        Assert.Contains("Maria Lopez", json);
        Assert.Contains(request.Id.ToString(), json);

        foreach (var role in new[] { "dispatcher", "volunteer", "regional", "admin", "other-coordinator", "anonymous" })
        {
            using var client = await world.Client(role);
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.DoesNotContain("Maria", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("regional")]
    [InlineData("coordinator")]
    [InlineData("volunteer")]
    public async Task Every_role_gets_only_redacted_boards_and_deltas_over_signalr(string role)
    {
        await using var connection = world.Factory.BoardConnection(await world.Client(role));
        var (snapshot, deltas) = await connection.JoinRecording(world.A);
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: "07700 6" + Random.Shared.Next(10000, 99999));
        await Wait.Until(() => deltas.Any(d => d.Contains(request.Id.ToString(), StringComparison.Ordinal)), "the new request's delta");

        var everything = snapshot.GetRawText() + string.Join("", deltas);
        Assert.All(Secrets, s => Assert.DoesNotContain(s, everything, StringComparison.Ordinal));
    }
}
