namespace MutualAid.Web.Tests.Region;

/// <summary>A hub's coordinators set the number people text it at; one that is not a number is refused in words.</summary>
public sealed class HubSmsNumberFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_coordinator_sets_the_hubs_texting_number_and_a_word_is_refused()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var number = "+44 7700 9" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var form = context.Render<HubSmsNumberForm>(p => p.Add(x => x.Slug, hub));
        form.WaitForAssertion(() => form.Find("[data-testid=sms-number]"), TimeSpan.FromSeconds(10));

        await form.Change("[data-testid=sms-number]", "text us");
        await form.Submit();
        form.WaitForAssertion(() => Assert.Contains("is not a phone number", form.Find("[data-testid=sms-number-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Null((await grains.GetGrain<IHubGrain>(hub).GetSettings())!.SmsNumber);

        await form.Change("[data-testid=sms-number]", number);
        await form.Submit();

        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).GetSettings())!.SmsNumber == number, "the hub keeps its number");
        form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=sms-number-error]")), TimeSpan.FromSeconds(10));
    }
}
