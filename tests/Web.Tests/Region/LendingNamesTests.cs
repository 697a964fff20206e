using System.Globalization;

namespace MutualAid.Web.Tests.Region;

/// <summary>Lending a volunteer names hubs as people call them, and the day as the reader's language writes it.</summary>
public sealed class LendingNamesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<string> NamedHub(string region, string name)
    {
        var hub = await Seed.Hub(app.Factory.Grains, region);
        var grain = app.Factory.Grains.GetGrain<IHubGrain>(hub);
        var renamed = await grain.Configure((await grain.GetSettings())! with { Name = name }, Seed.Sam);
        Assert.True(renamed.IsOk, renamed.Message);
        return hub;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task The_borrowing_hub_and_the_lending_hub_are_named_and_the_day_is_written_day_first(string culture)
    {
        var grains = app.Factory.Grains;
        var region = $"reg-{Guid.NewGuid():N}"[..14];
        var harbour = await NamedHub(region, "Harbour");
        var docks = await NamedHub(region, "Docks");
        var valeria = await Seed.Volunteer(grains, harbour, "Valeria");
        await using var dora = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, docks));
        var sharing = dora.Services.GetRequiredService<SharingService>();
        await Wait.Until(async () => (await sharing.Borrowable(docks)).Any(c => c.Volunteer.Id == valeria && c.HubName == "Harbour"), "Valeria offered to borrow, from Harbour");

        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var asked = await grains.GetGrain<IVolunteerGrain>(valeria).AskToBorrow(Guid.NewGuid(), docks, day, new Actor("dora", "Dora"));
        Assert.True(asked.IsOk, asked.Message);

        var (written, by) = culture == "en"
            ? (day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), "asked by Dora")
            : (day.ToString("D", CultureInfo.GetCultureInfo("es")), "lo pidió Dora");
        await Localization.Localized.In(culture, async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, valeria, new RoleGrant(Role.Volunteer, harbour));
            var answers = context.Render<LoanAnswers>();
            answers.WaitForAssertion(() => Assert.Equal($"Docks: {written} ({by})", answers.Find("[data-testid=loan]").ChildNodes[0].TextContent.Trim()), TimeSpan.FromSeconds(10));
            Assert.DoesNotContain(docks, answers.Markup, StringComparison.Ordinal);
            await Task.CompletedTask;
        });
    }
}
