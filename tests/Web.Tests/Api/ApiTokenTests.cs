using System.Net.Http.Headers;
using MutualAid.ApiTokens;

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
        var issued = await (await TokensAs(world.Coordinator)).Issue(Hub, name, scope, NewApiToken.DefaultLifetimeDays);
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
        // Shaped like a token but with a secret that is not base64url: these were a 500 on every route.
        var badCharacters = good.Secret[..^4] + "+/!=";
        var oddLength = good.Secret[..(ApiTokenFormat.Prefix.Length + 33)] + "x";
        string[] refused = ["not-a-token", "ma_", "ma_123_abc", unknownId, wrongSecret, revoked.Secret, badCharacters, oddLength];

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
            Assert.Equal(Reason.NotPossibleHere, (await tokens.Issue(Hub, "sneaky", ApiTokenScope.Dispatch, NewApiToken.DefaultLifetimeDays)).Reason);
            Assert.Equal(Reason.NotPossibleHere, (await tokens.Revoke(Hub, token.Token.Id)).Reason);
        }

        // The other hub's coordinator cannot revoke this hub's token through their own hub either.
        Assert.Equal(Reason.NotPossibleHere, (await (await TokensAs(world.OtherCoordinator)).Revoke(TeamWorld.OtherHub, token.Token.Id)).Reason);
        Assert.DoesNotContain((await (await TokensAs(world.Coordinator)).List(Hub)).Value!, t => t.Name == "sneaky");
        Assert.False(Assert.Single((await (await TokensAs(world.Coordinator)).List(Hub)).Value!, t => t.Id == token.Token.Id).Revoked);
    }

    /// <summary>What an integration does all day: with a dispatch token and words for every enum, from intake to delivered.</summary>
    [Fact]
    public async Task A_dispatch_token_drives_a_request_from_intake_to_delivered_with_string_enums_only()
    {
        var volunteerName = "Lena " + Guid.NewGuid().ToString("N")[..6];
        await Seed.Volunteer(world.Factory.Grains, Hub, volunteerName);
        using var client = Integration((await Issue(ApiTokenScope.Dispatch, "Hotline")).Secret);
        async Task<JsonElement> Ok(HttpMethod method, string path, object? body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var (status, answer, _) = await ApiClient.Send(client, method, path, body, header: false);
            Assert.True(status == expected, $"{method} {path}: {(int)status} {answer}");
            return answer;
        }

        var created = await Ok(HttpMethod.Post, $"/api/v1/hubs/{Hub}/requests", new
        {
            category = "Food",
            urgency = "Normal",
            area = "Canal Row",
            need = "Groceries for two",
            contact = new { name = "Pat Caller", phone = "07700 900399" },
            preferredLanguage = "en",
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt32();
        var triaged = await Ok(HttpMethod.Post, $"/api/v1/requests/{id}/triage", new { expectedVersion = version, urgency = "Critical", category = "Medicine" });
        Assert.Equal(("Triaged", "Critical", "Medicine"), (triaged.GetProperty("status").GetString(), triaged.GetProperty("urgency").GetString(), triaged.GetProperty("category").GetString()));

        var volunteers = await Ok(HttpMethod.Get, $"/api/v1/hubs/{Hub}/volunteers?pageSize=200", null);
        var volunteer = volunteers.GetProperty("items").EnumerateArray().Single(v => v.GetProperty("name").GetString() == volunteerName).GetProperty("id").GetGuid();
        var assigned = await Ok(HttpMethod.Post, $"/api/v1/requests/{id}/assign", new { expectedVersion = triaged.GetProperty("version").GetInt32(), volunteerId = volunteer });
        var started = await Ok(HttpMethod.Post, $"/api/v1/requests/{id}/start", new { expectedVersion = assigned.GetProperty("version").GetInt32() });
        Assert.Equal("InProgress", started.GetProperty("status").GetString());
        var delivered = await Ok(HttpMethod.Post, $"/api/v1/requests/{id}/fulfil", new { expectedVersion = started.GetProperty("version").GetInt32(), hours = 1.5 });
        Assert.Equal("Fulfilled", delivered.GetProperty("status").GetString());

        var listed = await Ok(HttpMethod.Get, $"/api/v1/hubs/{Hub}/requests?status=Fulfilled&pageSize=200", null);
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id && r.GetProperty("status").GetString() != "Fulfilled");
        var audit = await world.Factory.Grains.GetGrain<IRequestGrain>(id).GetAudit();
        Assert.All(audit.Skip(1), e => Assert.Equal("Hotline (API token)", e.Actor.DisplayName));
    }

    private static object Call(string need) => new { category = "Food", urgency = "Normal", area = "Key Street", need, contact = new { name = "Jo Caller", phone = "07700 900398" } };

    [Fact]
    public async Task Another_hubs_token_cannot_spend_this_hubs_idempotency_key()
    {
        var foreign = await (await TokensAs(world.OtherCoordinator)).Issue(TeamWorld.OtherHub, "Elsewhere script", ApiTokenScope.Read, NewApiToken.DefaultLifetimeDays);
        Assert.True(foreign.IsOk, foreign.Message);
        using var stranger = Integration(foreign.Value!.Secret);
        using var hotline = Integration((await Issue(ApiTokenScope.Dispatch, "Hotline")).Secret);
        var key = "call-" + Guid.NewGuid().ToString("N");
        var path = $"/api/v1/hubs/{Hub}/requests";

        var refused = await ApiClient.Send(stranger, HttpMethod.Post, path, Call("Nothing really"), header: false, idempotencyKey: key);
        var taken = await ApiClient.Send(hotline, HttpMethod.Post, path, Call("Soup for three"), header: false, idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.True(taken.Status == HttpStatusCode.Created, $"{(int)taken.Status} {taken.Body}");
        var made = await world.Factory.Grains.GetGrain<IRequestGrain>(taken.Body.GetProperty("id").GetGuid()).GetView();
        Assert.Equal(("Soup for three", Hub), (made!.Need, made.HubSlug));
    }

    [Fact]
    public async Task A_refused_create_does_not_keep_its_idempotency_key_for_when_the_caller_may()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Volunteer, Hub));
        var key = "call-" + Guid.NewGuid().ToString("N");
        var path = $"/api/v1/hubs/{Hub}/requests";
        using (var volunteer = await world.Factory.SignedIn(email))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ApiClient.Send(volunteer, HttpMethod.Post, path, Call("Bread"), idempotencyKey: key)).Status);
        }

        Assert.True((await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).Grant(new RoleGrant(Role.Dispatcher, Hub), new Actor("test", "Test"))).IsOk);
        using var dispatcher = await world.Factory.SignedIn(email);
        var taken = await ApiClient.Send(dispatcher, HttpMethod.Post, path, Call("Bread"), idempotencyKey: key);
        Assert.True(taken.Status == HttpStatusCode.Created, $"{(int)taken.Status} {taken.Body}");
    }
}
