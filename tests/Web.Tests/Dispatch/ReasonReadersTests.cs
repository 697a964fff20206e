namespace MutualAid.Web.Tests.Dispatch;

/// <summary>The shared reason box says who reads what is typed in it: it leaves the hub word for word.</summary>
public sealed class ReasonReadersTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task The_reason_box_says_who_reads_a_cancel_and_a_pass_on_reason(string culture)
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub, phone: "07700 909984");
        var hint = Localization.Localized.In(culture, () => Localization.Localized.Words["Dispatch.ReasonReaders"].Value);

        await Localization.Localized.In(culture, async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
            var dialog = context.Render<DispatchDialog>(p => p.Add(x => x.RequestId, request.Id).Add(x => x.HubSlug, hub));

            await Wait.Until(() => dialog.FindAll("[data-testid=reason-readers]").Count == 1, "the hint under the reason box");
            Assert.Equal(hint, dialog.Find("[data-testid=reason-readers]").TextContent.Trim());
            Assert.Contains(culture == "es" ? "otros centros" : "other hubs' coordinators", hint);
        });
    }
}
