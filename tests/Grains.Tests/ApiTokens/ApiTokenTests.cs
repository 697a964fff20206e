using System.Security.Cryptography;
using MutualAid.ApiTokens;
using MutualAid.Silo.ApiTokens;

namespace MutualAid.Grains.Tests.ApiTokens;

[Collection(FakeClockCollection.Name)]
public sealed class ApiTokenTests(FakeClockClusterFixture fixture)
{
    private static readonly Actor Cora = new("cora@example.org", "Cora");

    private const int Days = NewApiToken.DefaultLifetimeDays;

    private static string NewHub() => "hub-" + Guid.NewGuid().ToString("N")[..8];

    private IHubApiTokensGrain Tokens(string hub) => fixture.Grains.GetGrain<IHubApiTokensGrain>(hub);

    private IApiTokenGrain Token(Guid id) => fixture.Grains.GetGrain<IApiTokenGrain>(id);

    /// <summary>A token issued at <paramref name="hub"/>; the secret stays with the test, as it would with the integration.</summary>
    private async Task<(Guid Id, byte[] Secret, byte[] Hash)> Issue(string hub, string name = "Phone line", ApiTokenScope scope = ApiTokenScope.Dispatch)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var hash = SHA256.HashData(secret);
        var id = Guid.NewGuid();
        var issued = await Tokens(hub).Issue(id, new NewApiToken(hub, name, scope, Cora, hash, Days));
        Assert.True(issued.IsOk, issued.Message);
        return (id, secret, hash);
    }

    private async Task<ApiTokenState> Stored(Guid id)
    {
        var state = await fixture.Cluster.Stored<ApiTokenState>("apiToken", Token(id).GetGrainId());
        return state.State ?? throw new InvalidOperationException("no state stored");
    }

    [Fact]
    public async Task An_issued_token_verifies_with_its_hash_and_nothing_else_answers()
    {
        var hub = NewHub();
        var (id, _, hash) = await Issue(hub, "Phone line", ApiTokenScope.Read);

        Assert.Equal(new ApiTokenGrant(id, hub, ApiTokenScope.Read, "Phone line"), await Token(id).Verify(hash));
        var wrong = (byte[])hash.Clone();
        wrong[^1] ^= 1;
        Assert.Null(await Token(id).Verify(wrong));
        Assert.Null(await Token(id).Verify([]));
        Assert.Null(await Token(Guid.NewGuid()).Verify(hash)); // an unknown id answers as a wrong secret does
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_once_and_stays_listed_as_revoked()
    {
        var hub = NewHub();
        var (id, _, hash) = await Issue(hub);
        Assert.NotNull(await Token(id).Verify(hash));

        var revoked = await Tokens(hub).Revoke(id, Cora);

        Assert.True(revoked.IsOk, revoked.Message);
        Assert.Null(await Token(id).Verify(hash));
        var listed = Assert.Single(await Tokens(hub).List());
        Assert.True(listed.Revoked);
        Assert.Equal(Cora, listed.RevokedBy);
        Assert.True((await Tokens(hub).Revoke(id, Cora)).IsOk); // twice is no error and changes nothing
    }

    [Fact]
    public async Task Only_the_hash_is_stored_never_the_secret()
    {
        var hub = NewHub();
        var (id, secret, hash) = await Issue(hub);

        var stored = await Stored(id);

        Assert.Equal(hash, stored.SecretHash);
        var everything = JsonSerializer.Serialize(stored);
        Assert.DoesNotContain(Convert.ToBase64String(secret), everything, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(hash), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(await Tokens(hub).List(), t => t.ToString().Contains(Convert.ToBase64String(hash), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Last_use_is_shown_fresh_but_written_at_most_once_a_minute()
    {
        var hub = NewHub();
        var (id, _, hash) = await Issue(hub);
        var first = fixture.Clock.GetUtcNow();
        await Token(id).Verify(hash);

        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await Token(id).Verify(hash);

        Assert.Equal(fixture.Clock.GetUtcNow(), (await Token(id).View())!.LastUsedAt);
        Assert.Equal(first, (await Stored(id)).LastUsedAt); // not written again within the minute
        fixture.Clock.Advance(ApiTokenGrain.LastUsedGranularity);
        await Token(id).Verify(hash);
        Assert.Equal(fixture.Clock.GetUtcNow(), (await Stored(id)).LastUsedAt);
    }

    [Fact]
    public async Task Names_are_required_and_clean_and_a_hub_holds_a_bounded_number_of_live_tokens()
    {
        var hub = NewHub();
        var hash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(Reason.ApiTokenNameMissing, (await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "  ", ApiTokenScope.Read, Cora, hash, Days))).Reason);
        Assert.Equal(Reason.BadCharacters, (await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "bell\a", ApiTokenScope.Read, Cora, hash, Days))).Reason);
        Assert.Equal(Reason.TooLong, (await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, new string('x', NewApiToken.MaxName + 1), ApiTokenScope.Read, Cora, hash, Days))).Reason);
        Assert.Equal(Reason.ApiTokenHashShape, (await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "short", ApiTokenScope.Read, Cora, [1, 2, 3], Days))).Reason);
        Assert.Empty(await Tokens(hub).List());

        var ids = new List<Guid>();
        for (var i = 0; i < IHubApiTokensGrain.MaxLive; i++) ids.Add((await Issue(hub, $"token {i}")).Id);
        var over = await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "one too many", ApiTokenScope.Read, Cora, hash, Days));
        Assert.Equal(Reason.ApiTokenLimit, over.Reason);

        Assert.True((await Tokens(hub).Revoke(ids[0], Cora)).IsOk);
        await Issue(hub, "in its place");
    }

    [Fact]
    public async Task A_token_is_issued_once_and_another_hubs_list_cannot_touch_it()
    {
        var hub = NewHub();
        var other = NewHub();
        var (id, _, hash) = await Issue(hub);

        var again = await Tokens(hub).Issue(id, new NewApiToken(hub, "overwrite", ApiTokenScope.Dispatch, Cora, SHA256.HashData(RandomNumberGenerator.GetBytes(32)), Days));
        Assert.Equal(Reason.ApiTokenExists, again.Reason);
        Assert.Equal(ResultStatus.NotFound, (await Tokens(other).Revoke(id, Cora)).Status);
        Assert.Equal(ResultStatus.Refused, (await Tokens(other).Issue(Guid.NewGuid(), new NewApiToken(hub, "elsewhere", ApiTokenScope.Read, Cora, hash, Days))).Status);
        Assert.NotNull(await Token(id).Verify(hash));
        Assert.Empty(await Tokens(other).List());
    }
}
