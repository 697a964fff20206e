using MutualAid.Notifications;
using MutualAid.Sms;
using MutualAid.Web.Notifications;

namespace MutualAid.Web.Tests.Notifications;

/// <summary>
/// The outbox says why a text did not go in its reader's language, and "Send again" says it was
/// taken: before, a phone that texted STOP read "The provider refused it: stopped" and the button
/// gave no sign of having done anything.
/// </summary>
public sealed class OutboxPageTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    [Fact]
    public async Task A_text_to_a_phone_that_texted_STOP_says_so_in_Spanish_and_sending_it_again_is_acknowledged()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.DaytimeHub(grains);
        var phone = "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);
        await grains.GetGrain<ISmsOptOutGrain>(ISmsOptOutGrain.Key(phone)!).OptOut();
        await Seed.Request(grains, hub, phone);
        var outbox = grains.GetGrain<IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.Recent(10)).Any(e => e.Status == MessageStatus.Failed), "the text to be given up");
        var failed = (await outbox.Recent(10)).Single(e => e.Status == MessageStatus.Failed);
        Assert.Equal(Reason.PhoneTextedStop.Say().Key, failed.Error?.Key);

        await Localization.Localized.In("es", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var page = context.Render<OutboxPage>(p => p.Add(x => x.Slug, hub));
            page.WaitForAssertion(() => Assert.Contains("Este teléfono envió STOP: no recibe mensajes hasta que envíe START.", page.Find("[data-testid=outbox-grid]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

            await page.InvokeAsync(() => page.Find("[data-testid=outbox-resend]").Click());

            var notices = context.Services.GetRequiredService<Radzen.NotificationService>();
            await Wait.Until(() => notices.Messages.Any(m => m.Summary == "En cola para reenviarse. Pulsa Actualizar para ver cómo fue."), "the page says it goes again");
            Assert.Empty(page.FindAll("[data-testid=outbox-message]"));
        });
        Assert.NotNull((await outbox.Recent(10)).Single(e => e.Key == failed.Key).ResentBy);
    }
}
