namespace MutualAid.Grains.Tests.Accounts;

[Collection(FakeClockCollection.Name)]
public sealed class AccountTests(FakeClockClusterFixture fixture)
{
    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.org";

    private IUserGrain User(string email) => fixture.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email));

    [Fact]
    public async Task An_account_is_created_once_with_validated_scoped_roles()
    {
        var email = NewEmail();
        var created = await User(email).Create("Sam", "hash-1", [new RoleGrant(Role.Coordinator, "north")], Domain.Sam);
        Assert.True(created.IsOk, created.Message);
        Assert.Equal([new RoleGrant(Role.Coordinator, "north")], created.Value!.Roles);

        Assert.Equal(ResultStatus.Refused, (await User(email.ToUpperInvariant()).Create("Sam again", "hash-2", [], Domain.Sam)).Status);
        var bad = await User(NewEmail()).Create("X", "h", [new RoleGrant(Role.Dispatcher, null), new RoleGrant(Role.NetworkAdmin, "north")], Domain.Sam);
        Assert.Equal(["Scope", "Scope"], bad.Errors.Select(e => e.Field));
        Assert.Contains(await fixture.Grains.GetGrain<IUserDirectoryGrain>(0).List(), u => u.Email == IUserGrain.Key(email));
    }

    [Fact]
    public async Task Five_failed_sign_ins_shut_that_client_out_of_that_email_for_fifteen_minutes()
    {
        var email = NewEmail();
        var fromHere = fixture.Grains.GetGrain<ISignInFailuresGrain>(ISignInFailuresGrain.Key(email, "203.0.113.5"));
        var fromThere = fixture.Grains.GetGrain<ISignInFailuresGrain>(ISignInFailuresGrain.Key(email, "198.51.100.5"));
        for (var i = 1; i < ISignInFailuresGrain.MaxFailures; i++) Assert.Null(await fromHere.Failed());

        var locked = await fromHere.Failed();
        Assert.Equal(fixture.Clock.GetUtcNow() + ISignInFailuresGrain.LockoutDuration, locked);
        Assert.Equal(locked, await fromHere.LockedUntil());
        Assert.Equal(locked, await fromHere.Failed()); // more tries while shut out do not lengthen it
        Assert.Null(await fromThere.LockedUntil()); // another address is not shut out

        fixture.Clock.Advance(ISignInFailuresGrain.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.Null(await fromHere.LockedUntil());
        Assert.Null(await fromHere.Failed()); // the count started again
    }

    [Fact]
    public async Task Invitations_are_single_use_expire_and_bind_to_their_email()
    {
        var now = fixture.Clock.GetUtcNow();
        var invite = new Invitation(new RoleGrant(Role.Dispatcher, "north"), "Priya@Example.org", now.AddDays(2), Domain.Sam, now);
        var link = fixture.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid().ToString("N"));
        Assert.True((await link.Create(invite)).IsOk);

        Assert.Equal(Reason.InvitationForSomeoneElse, (await link.Redeem("omar@example.org")).Reason);
        var redeemed = await link.Redeem("priya@example.org");
        Assert.True(redeemed.IsOk);
        Assert.Equal(new RoleGrant(Role.Dispatcher, "north"), redeemed.Value!.Grant);
        Assert.Equal(Reason.InvitationUsed, (await link.Redeem("priya@example.org")).Reason);

        var expiring = fixture.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid().ToString("N"));
        await expiring.Create(invite with { Email = null, ExpiresAt = now.AddHours(1) });
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(Reason.InvitationExpired, (await expiring.Redeem("anyone@example.org")).Reason);

        var admin = fixture.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid().ToString("N"));
        var refused = await admin.Create(invite with { Grant = new RoleGrant(Role.NetworkAdmin, null), ExpiresAt = fixture.Clock.GetUtcNow().AddDays(1) });
        Assert.Equal("Network admins are not invited by link.", refused.Errors.Single().Message);
        Assert.Equal(ResultStatus.NotFound, (await fixture.Grains.GetGrain<IInvitationGrain>("never-issued").Redeem("a@b.c")).Status);

        // Bound to what no one can sign up with, a link could never be used: refused when made.
        foreach (var unusable in new[] { "not-an-email", "@example.org", "priya@", "priya @example.org" })
        {
            var bad = await fixture.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid().ToString("N")).Create(invite with { Email = unusable, ExpiresAt = fixture.Clock.GetUtcNow().AddDays(1) });
            Assert.Equal(Reason.EnterValidEmail, Assert.Single(bad.Errors).Reason);
        }
    }

    [Fact]
    public void Role_claims_round_trip_and_reject_garbage()
    {
        Assert.Equal(new RoleGrant(Role.Coordinator, "north"), RoleGrant.Parse("Coordinator@north"));
        Assert.Equal(new RoleGrant(Role.NetworkAdmin, null), RoleGrant.Parse("NetworkAdmin"));
        Assert.Equal("Dispatcher@riverside", new RoleGrant(Role.Dispatcher, "riverside").ToString());
        Assert.Null(RoleGrant.Parse("Overlord@north"));
        Assert.Null(RoleGrant.Parse("7@north"));
        Assert.Null(RoleGrant.Parse(""));
    }
}

/// <summary>The first-admin bootstrap needs an empty directory, so it gets a cluster of its own.</summary>
public sealed class FirstAdminTests : IAsyncLifetime
{
    private readonly ClusterFixture cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    public Task DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Only_one_first_administrator_can_ever_be_reserved()
    {
        var directory = cluster.Grains.GetGrain<IUserDirectoryGrain>(0);
        Assert.False(await directory.HasUsers());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => directory.TryReserveFirstAdmin($"admin{i}@example.org")));

        Assert.Single(attempts, won => won);
        Assert.True(await directory.HasUsers());
        Assert.False(await directory.TryReserveFirstAdmin("late@example.org"));
    }
}
