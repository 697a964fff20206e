using System.Net.Http.Headers;
using MutualAid.ApiTokens;
using MutualAid.Web.Api;

namespace MutualAid.Web.Tests.Api;

/// <summary>
/// Integrations with API tokens against endpoints that exist for people today (GET a request, run a
/// command), in a network started from nothing: a coordinator joined by invitation issues the tokens.
/// </summary>
public sealed class ApiTokenTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;

    private async Task<ApiTokenService> TokensAs(string email)
    {
        var scope = world.Factory.Services.CreateScope();
        var account = await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(AccountClaims.Principal(account!));
        return scope.ServiceProvider.GetRequiredService<ApiTokenService>();
    }

    private async Task<IssuedApiToken> Issue(ApiTokenScope scope, string name = "Phone line")
    {
        var issued = await (await TokensAs(world.Coordinator)).Issue(Hub, name, scope);
        Assert.True(issued.IsOk, issued.Message);
        return issued.Value!;
    }

    /// <summary>An integration: no cookie jar, no redirects followed, the token on every request.</summary>
    private HttpClient Integration(string token)
    {
        var client = world.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, Guid request) =>
        client.GetAsync(new Uri($"/api/v1/requests/{request}", UriKind.Relative));

    private static Task<HttpResponseMessage> Assign(HttpClient client, RequestView request, Guid volunteer) =>
        client.PostAsJsonAsync(new Uri($"/api/v1/requests/{request.Id}/assign", UriKind.Relative), new { expectedVersion = request.Version, volunteerId = volunteer });

    private static void NoCookie(HttpResponseMessage response) =>
        Assert.False(response.Headers.Contains("Set-Cookie"), $"a token's answer set a cookie: {string.Join(", ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");

    [Fact]
    public async Task A_read_token_reads_its_hubs_request_redacted_and_cannot_act()
    {
        var request = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900311");
        var volunteer = await Seed.Volunteer(world.Factory.Grains, Hub, "Rita");
        using var client = Integration((await Issue(ApiTokenScope.Read)).Secret);

        var read = await Get(client, request.Id);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.Content.ReadAsStringAsync();
        Assert.Contains(request.ReferenceCode, body, StringComparison.Ordinal);
        Assert.DoesNotContain("07700 900311", body, StringComparison.Ordinal);
        Assert.DoesNotContain("maria@example.org", body, StringComparison.Ordinal);
        NoCookie(read);

        var assign = await Assign(client, request, volunteer);
        Assert.Equal(HttpStatusCode.Forbidden, assign.StatusCode);
        Assert.Equal(nameof(Reason.NotADispatcher), (await assign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(RequestStatus.New, (await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Status);
        NoCookie(assign);
    }

    [Fact]
    public async Task A_dispatch_token_assigns_and_the_audit_names_the_token()
    {
        var request = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900312");
        var volunteer = await Seed.Volunteer(world.Factory.Grains, Hub, "Dev");
        var token = await Issue(ApiTokenScope.Dispatch, "Hotline bridge");
        using var client = Integration(token.Secret);

        var assign = await Assign(client, request, volunteer);

        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        NoCookie(assign);
        var grain = world.Factory.Grains.GetGrain<IRequestGrain>(request.Id);
        Assert.Equal(volunteer, (await grain.GetView())!.Assignment?.VolunteerId);
        var entry = (await grain.GetAudit())[^1];
        Assert.Equal($"token:{token.Token.Id}", entry.Actor.UserId);
        Assert.Equal("Hotline bridge (API token)", entry.Actor.DisplayName);
        var listed = Assert.Single((await (await TokensAs(world.Coordinator)).List(Hub)).Value!, t => t.Id == token.Token.Id);
        Assert.NotNull(listed.LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_the_very_next_request()
    {
        var request = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900313");
        var token = await Issue(ApiTokenScope.Dispatch);
        using var client = Integration(token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, request.Id)).StatusCode);

        var revoked = await (await TokensAs(world.Coordinator)).Revoke(Hub, token.Token.Id);

        Assert.True(revoked.IsOk, revoked.Message);
        var next = await Get(client, request.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        NoCookie(next);
    }

    [Fact]
    public async Task A_token_of_one_hub_finds_nothing_of_another()
    {
        var theirs = await Seed.Request(world.Factory.Grains, TeamWorld.OtherHub, phone: "07700 900314");
        var theirVolunteer = await Seed.Volunteer(world.Factory.Grains, TeamWorld.OtherHub, "Olga");
        using var client = Integration((await Issue(ApiTokenScope.Dispatch)).Secret);

        var read = await Get(client, theirs.Id);
        var unknown = await Get(client, Guid.NewGuid());
        var assign = await Assign(client, theirs, theirVolunteer);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await read.Content.ReadAsStringAsync()); // as if it did not exist
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(RequestStatus.New, (await world.Factory.Grains.GetGrain<IRequestGrain>(theirs.Id).GetView())!.Status);
    }

    [Fact]
    public async Task Malformed_unknown_wrong_and_revoked_tokens_all_get_the_same_401()
    {
        var request = await Seed.Request(world.Factory.Grains, Hub, phone: "07700 900315");
        var good = await Issue(ApiTokenScope.Read);
        var revoked = await Issue(ApiTokenScope.Read, "Old script");
        Assert.True((await (await TokensAs(world.Coordinator)).Revoke(Hub, revoked.Token.Id)).IsOk);
        var wrongSecret = good.Secret[..^4] + (good.Secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var unknownId = ApiTokenFormat.Prefix + Guid.NewGuid().ToString("N") + good.Secret[(ApiTokenFormat.Prefix.Length + 32)..];
        string[] refused = ["not-a-token", "ma_", "ma_123_abc", unknownId, wrongSecret, revoked.Secret];

        var bodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in refused)
        {
            using var client = Integration(token);
            var response = await Get(client, request.Id);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Null(response.Headers.Location); // an integration is never sent to the sign-in form
            bodies.Add(await response.Content.ReadAsStringAsync());
            NoCookie(response);
        }

        // One answer for every way a token can be wrong: nothing tells a guesser which part was right.
        Assert.Contains(nameof(Reason.SignInOrToken), Assert.Single(bodies), StringComparison.Ordinal);

        using var valid = Integration(good.Secret);
        Assert.Equal(HttpStatusCode.OK, (await Get(valid, request.Id)).StatusCode);
    }

    [Fact]
    public async Task Only_the_hubs_coordinators_list_issue_and_revoke_its_tokens()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var token = await Issue(ApiTokenScope.Read);
        var dispatcher = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Dina");
        var volunteer = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Vera");

        foreach (var email in new[] { dispatcher, volunteer, world.OtherCoordinator, world.Admin })
        {
            var tokens = await TokensAs(email);
            Assert.False(await tokens.MayManage(Hub));
            Assert.Equal(Reason.NotPossibleHere, (await tokens.List(Hub)).Reason);
            Assert.Equal(Reason.NotPossibleHere, (await tokens.Issue(Hub, "sneaky", ApiTokenScope.Dispatch)).Reason);
            Assert.Equal(Reason.NotPossibleHere, (await tokens.Revoke(Hub, token.Token.Id)).Reason);
        }

        // The other hub's coordinator cannot revoke this hub's token through their own hub either.
        Assert.Equal(Reason.NotPossibleHere, (await (await TokensAs(world.OtherCoordinator)).Revoke(TeamWorld.OtherHub, token.Token.Id)).Reason);
        Assert.DoesNotContain((await (await TokensAs(world.Coordinator)).List(Hub)).Value!, t => t.Name == "sneaky");
        Assert.False(Assert.Single((await (await TokensAs(world.Coordinator)).List(Hub)).Value!, t => t.Id == token.Token.Id).Revoked);
    }
}
