using MutualAid.Presence;

namespace MutualAid.Web.Tests.Board;

/// <summary>A board row names everyone else who has the request open, not the first of them.</summary>
public sealed class ManyDispatchersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_row_opened_by_two_dispatchers_names_both_in_the_readers_words()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub, phone: "07700 909983");
        var presence = grains.GetGrain<IPresenceGrain>(hub);
        await presence.Heartbeat(new Viewer("tab-dan", "dan@example.org", "Dan", request.Id, DateTimeOffset.UtcNow));
        await presence.Heartbeat(new Viewer("tab-deb", "deb@example.org", "Deb", request.Id, DateTimeOffset.UtcNow));
        var both = Localization.Localized.In("es", () => Localization.Localized.Words["Board.BeingDispatchedByMany", "Dan", "Deb"].Value);

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var board = context.Render<BoardPage>(p => p.Add(x => x.Slug, hub));

            await Wait.Until(() => board.FindAll("[data-testid=being-dispatched]").Count == 1, "the row saying who is dispatching it");
            Assert.Equal(both, board.Find("[data-testid=being-dispatched]").TextContent.Trim());
        });
    }
}
