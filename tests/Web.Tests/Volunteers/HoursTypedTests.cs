using MutualAid.Web.Layout;
using static MutualAid.Web.Tests.Localization.Localized;

namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// The hours a volunteer says they gave, as they type them: "1,5" is an hour and a half on an English
/// page too (it was banked as 15), and an emptied field is refused out loud (it was banked as a quarter).
/// </summary>
public sealed class HoursTypedTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData(" 2 ", 2.0)]
    [InlineData("0,25", 0.25)]
    public void A_comma_or_a_point_is_the_decimal_point(string typed, double hours) => Assert.Equal(hours, HoursTyped.Read(typed));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("an hour")]
    [InlineData("-1")]
    public void Anything_else_is_not_a_number_of_hours(string? typed) => Assert.True(double.IsNaN(HoursTyped.Read(typed)));

    [Fact]
    public Task On_an_english_page_a_volunteer_delivers_with_an_hour_and_a_half_typed_with_a_comma() => In("en", async () =>
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var claimed = await Seed.Claimed(grains, hub, "07700 900" + Random.Shared.Next(100, 999), "Hana");
        var grain = grains.GetGrain<IRequestGrain>(claimed.Id);
        Assert.True((await grain.Start(new RequestCommand(claimed.Version, Seed.Sam) { Hub = hub })).IsOk);
        var volunteer = claimed.Assignment!.VolunteerId;
        await using var own = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => page.Find("[data-testid=hours-given] input"), TimeSpan.FromSeconds(10));

        await page.Change("[data-testid=hours-given] input", "");
        await page.Click("[data-testid=delivered]");
        page.WaitForAssertion(() => page.Find("[data-testid=hours-error]"), TimeSpan.FromSeconds(10));
        Assert.Equal(RequestStatus.InProgress, (await grain.GetView())!.Status);

        await page.Change("[data-testid=hours-given] input", "1,5");
        await page.Click("[data-testid=delivered]");

        await Wait.Until(async () => (await grain.GetView())!.Status == RequestStatus.Fulfilled, "the job is delivered");
        Assert.Equal(1.5, (await grain.GetView())!.Assignment!.Hours);
    });
}
