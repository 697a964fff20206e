namespace MutualAid.Web.Tests.Board;

/// <summary>Presence follows the tab's connection, and never counts the viewer as someone else.</summary>
public sealed class PresenceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string[] OnlyBo = ["Bo"];

    private (CircuitPresence Presence, IServiceScope Scope) Tab(string email, string name)
    {
        var scope = app.Factory.Services.CreateScope();
        var account = new MutualAid.Accounts.UserAccount(email, name, "-", [], 0, null, DateTimeOffset.UnixEpoch);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(MutualAid.Web.Accounts.AccountClaims.Principal(account));
        return (scope.ServiceProvider.GetRequiredService<CircuitPresence>(), scope);
    }

    [Fact]
    public async Task A_tab_whose_connection_drops_leaves_every_board_at_once_and_comes_back_when_it_reconnects()
    {
        var hub = "presence-" + Guid.NewGuid().ToString("N")[..8];
        var grain = app.Factory.Grains.GetGrain<IPresenceGrain>(hub);
        var (mine, myScope) = Tab("al@example.org", "Al");
        var (theirs, theirScope) = Tab("bo@example.org", "Bo");
        using (myScope)
        using (theirScope)
        {
            // Every circuit gets the handler that tells its presence about the connection.
            Assert.Contains(myScope.ServiceProvider.GetServices<CircuitHandler>(), h => h is PresenceCircuitHandler);
            await mine.Beat(hub, null);
            var both = await theirs.Beat(hub, null);
            Assert.Equal(["Al", "Bo"], both!.People);

            await mine.ConnectionDown();
            Assert.Equal(OnlyBo, (await grain.GetSnapshot()).People);
            Assert.Null(await mine.Beat(hub, null)); // the disconnected circuit's timer keeps ticking, but it is not here
            Assert.Equal(OnlyBo, (await grain.GetSnapshot()).People);

            await mine.ConnectionUp();
            Assert.Equal(["Al", "Bo"], (await grain.GetSnapshot()).People);
            await mine.Leave(hub);
            await mine.ConnectionUp();
            Assert.Equal(OnlyBo, (await grain.GetSnapshot()).People); // a board it left stays left
        }
    }

    [Fact]
    public async Task The_presence_bar_lists_other_people_but_never_the_viewers_own_other_tabs()
    {
        await using var context = ComponentContext.Create(app.Factory);
        var now = DateTimeOffset.UtcNow;
        var snapshot = new PresenceSnapshot("h", 3,
        [
            new Viewer("tab-1", "cora@example.org", "Cora", null, now),
            new Viewer("tab-2", "cora@example.org", "Cora", null, now),
            new Viewer("tab-3", "dan@example.org", "Dan", null, now),
        ]);

        var bar = context.Render<PresenceBar>(p => p.Add(x => x.Presence, snapshot).Add(x => x.ViewerId, "tab-1").Add(x => x.UserId, "cora@example.org"));
        Assert.EndsWith("Also here: Dan", bar.Find("[data-testid=presence]").TextContent.Trim(), StringComparison.Ordinal);

        var alone = context.Render<PresenceBar>(p => p.Add(x => x.Presence, snapshot with { Viewers = snapshot.Viewers.Take(2).ToArray() })
            .Add(x => x.ViewerId, "tab-1").Add(x => x.UserId, "cora@example.org"));
        Assert.EndsWith("Only you are on this board", alone.Find("[data-testid=presence]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
