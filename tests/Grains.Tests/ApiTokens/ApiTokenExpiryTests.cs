using System.Security.Cryptography;
using MutualAid.ApiTokens;
using MutualAid.Silo.ApiTokens;

namespace MutualAid.Grains.Tests.ApiTokens;

/// <summary>A token ends on its own at the end of its lifetime, judged by the grains' (fake) clock.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ApiTokenExpiryTests(FakeClockClusterFixture fixture)
{
    private static readonly Actor Cora = new("cora@example.org", "Cora");

    private static string NewHub() => "hub-" + Guid.NewGuid().ToString("N")[..8];

    private IHubApiTokensGrain Tokens(string hub) => fixture.Grains.GetGrain<IHubApiTokensGrain>(hub);

    private IApiTokenGrain Token(Guid id) => fixture.Grains.GetGrain<IApiTokenGrain>(id);

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    private async Task<(Guid Id, byte[] Hash)> Issue(string hub, int days, string name = "Hotline bridge")
    {
        var hash = NewHash();
        var id = Guid.NewGuid();
        var issued = await Tokens(hub).Issue(id, new NewApiToken(hub, name, ApiTokenScope.Dispatch, Cora, hash, days));
        Assert.True(issued.IsOk, issued.Message);
        return (id, hash);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(365)]
    public async Task A_token_expires_its_lifetime_after_issue_and_is_then_refused_as_a_revoked_one_is(int days)
    {
        var hub = NewHub();
        var issuedAt = fixture.Clock.GetUtcNow();
        var (id, hash) = await Issue(hub, days);
        var (other, _) = await Issue(hub, NewApiToken.DefaultLifetimeDays, "Form tool");
        var end = issuedAt.AddDays(days);

        Assert.Equal(end, (await Token(id).View())!.ExpiresAt);
        Assert.Equal(end, (await fixture.Cluster.Stored<ApiTokenState>("apiToken", Token(id).GetGrainId())).State?.ExpiresAt);
        fixture.Clock.Advance(end - fixture.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Token(id).Verify(hash));
        Assert.False((await Token(id).View())!.Expired);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await Token(id).Verify(hash));
        var view = (await Token(id).View())!;
        Assert.True(view.Expired);
        Assert.True(view.Ended);
        Assert.False(view.Revoked);
        // Listed after the live ones, as the revoked are.
        var listed = await Tokens(hub).List();
        if (days < NewApiToken.DefaultLifetimeDays) Assert.Equal([other, id], listed.Select(t => t.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    [InlineData(1)]
    [InlineData(89)]
    [InlineData(366)]
    [InlineData(int.MaxValue)]
    public async Task A_lifetime_other_than_the_choices_is_refused_with_its_own_reason(int days)
    {
        var hub = NewHub();

        var issued = await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "Forever", ApiTokenScope.Read, Cora, NewHash(), days));

        Assert.Equal(ResultStatus.Invalid, issued.Status);
        var error = Assert.Single(issued.Errors);
        Assert.Equal(nameof(NewApiToken.LifetimeDays), error.Field);
        Assert.Equal(Reason.ApiTokenLifetime, error.Reason);
        Assert.Empty(await Tokens(hub).List());
    }

    [Fact]
    public async Task Every_offered_lifetime_is_taken()
    {
        var hub = NewHub();
        foreach (var days in NewApiToken.LifetimeChoices) await Issue(hub, days, $"{days} days");

        Assert.Equal(NewApiToken.LifetimeChoices.Count, (await Tokens(hub).List()).Count(t => !t.Ended));
    }

    [Fact]
    public async Task The_cap_of_live_tokens_counts_no_expired_token()
    {
        var hub = NewHub();
        var (shortLived, _) = await Issue(hub, 7, "short");
        for (var i = 1; i < IHubApiTokensGrain.MaxLive; i++) await Issue(hub, 365, $"token {i}");
        var over = await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "one too many", ApiTokenScope.Read, Cora, NewHash(), 30));
        Assert.Equal(Reason.ApiTokenLimit, over.Reason);

        fixture.Clock.Advance(TimeSpan.FromDays(7));

        await Issue(hub, 30, "in its place");
        var listed = await Tokens(hub).List();
        Assert.Equal(IHubApiTokensGrain.MaxLive, listed.Count(t => !t.Ended));
        Assert.Equal(shortLived, Assert.Single(listed, t => t.Ended).Id); // still shown, as an ended token
        Assert.Equal(Reason.ApiTokenLimit, (await Tokens(hub).Issue(Guid.NewGuid(), new NewApiToken(hub, "still too many", ApiTokenScope.Read, Cora, NewHash(), 30))).Reason);
    }

    [Fact]
    public async Task A_token_stored_before_lifetimes_keeps_working_as_it_did()
    {
        var hub = NewHub();
        var id = Guid.NewGuid();
        var hash = NewHash();
        var old = new GrainState<ApiTokenState>(new ApiTokenState
        {
            Hub = hub,
            Name = "Old bridge",
            Scope = ApiTokenScope.Read,
            SecretHash = hash,
            CreatedBy = Cora,
            CreatedAt = fixture.Clock.GetUtcNow(),
        });
        await fixture.Cluster.SiloServices().GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)
            .WriteStateAsync("apiToken", Token(id).GetGrainId(), old);

        fixture.Clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(new ApiTokenGrant(id, hub, ApiTokenScope.Read, "Old bridge"), await Token(id).Verify(hash));
        var view = (await Token(id).View())!;
        Assert.Null(view.ExpiresAt);
        Assert.False(view.Ended);
    }
}
