using MutualAid.Notifications;
using MutualAid.Web.Notifications;

namespace MutualAid.Web.Tests.Notifications;

/// <summary>The outbox shows who a message went to: a hub's coordinators are named by the hub's name, not its slug.</summary>
public sealed class AddressBookTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_message_to_a_hubs_coordinators_is_shown_as_to_the_hub_by_its_name()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var renamed = await grains.GetGrain<IHubGrain>(hub).Configure((await grains.GetGrain<IHubGrain>(hub).GetSettings())! with { Name = "Harbour Side" }, Seed.Sam);
        Assert.True(renamed.IsOk, renamed.Message);
        var message = new OutboundMessage("test:1", hub, MessageKind.RequestReopened, Recipient.Coordinators(hub), Reason.NoAddress.Say(), "en", false, DateTimeOffset.UtcNow);

        var to = await app.Factory.Services.GetRequiredService<AddressBook>().Find(message);

        Assert.Equal("Harbour Side", to.ShownAs);
    }
}
