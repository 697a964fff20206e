using Microsoft.Extensions.Time.Testing;
using MutualAid.Shifts;
using MutualAid.Web.Shifts;

namespace MutualAid.Web.Tests.Shifts;

/// <summary>
/// Organisers' limits: their shift on the board, a nudge to hand over past it, and the hours page
/// naming who has been on too long. The grains stamp shifts with the real clock; the pages read a
/// fake one set from now, so "hours later" needs no waiting.
/// </summary>
public sealed class ShiftTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    [Fact]
    public async Task Stating_a_shift_shows_the_timer_and_past_its_length_a_calm_nudge_to_hand_over()
    {
        var hub = await Seed.Hub(Grains);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var dispatcher = ComponentContext.Create(app.Factory, clock, new RoleGrant(Role.Dispatcher, hub));
        var bar = dispatcher.Render<ShiftBar>(p => p.Add(x => x.Slug, hub));
        bar.WaitForAssertion(() => Assert.Single(bar.FindAll("[data-testid=shift-start]")), TimeSpan.FromSeconds(10));

        await bar.Click("[data-testid=shift-start]");

        bar.WaitForAssertion(() => Assert.Contains("of 4 h planned", bar.Find("[data-testid=shift-timer]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Empty(bar.FindAll("[data-testid=shift-nudge]"));

        clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(5)); // the bar's own minute timer re-renders it

        bar.WaitForAssertion(() => Assert.Single(bar.FindAll("[data-testid=shift-nudge]")), TimeSpan.FromSeconds(10));
        Assert.Equal($"/hubs/{hub}/handover", bar.Find("[data-testid=shift-handover]").GetAttribute("href"));
        Assert.StartsWith("On shift for 4:0", bar.Find("[data-testid=shift-timer]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_keeps_no_shift_on_the_board()
    {
        var hub = await Seed.Hub(Grains);
        await using var volunteer = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, hub));

        var bar = volunteer.Render<ShiftBar>(p => p.Add(x => x.Slug, hub));
        var started = await volunteer.Services.GetRequiredService<ShiftService>().Start(hub, 4);

        Assert.Empty(bar.FindAll("[data-testid=shift-bar]"));
        Assert.Equal(Reason.ShiftNeedsOrganiser, started.Reason);
    }

    [Fact]
    public async Task The_hours_page_names_the_organiser_on_too_long_for_a_coordinator_and_for_nobody_else()
    {
        var hub = await Seed.Hub(Grains);
        var dispatcher = await app.Factory.User(new RoleGrant(Role.Dispatcher, hub));
        var rested = await app.Factory.User(new RoleGrant(Role.Coordinator, hub));
        var name = (await Grains.GetGrain<IUserGrain>(IUserGrain.Key(dispatcher)).GetAccount())!.DisplayName;
        var restedName = (await Grains.GetGrain<IUserGrain>(IUserGrain.Key(rested)).GetAccount())!.DisplayName;
        Assert.True((await Grains.GetGrain<IShiftGrain>(IUserGrain.Key(dispatcher)).Start(hub, 8)).IsOk);
        Assert.True((await Grains.GetGrain<IShiftGrain>(IUserGrain.Key(rested)).Start(hub, 4)).IsOk);
        Assert.True((await Grains.GetGrain<IShiftGrain>(IUserGrain.Key(rested)).Finish()).IsOk);
        // Eleven hours on: past the default single shift of ten.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromHours(11));
        await using var coordinator = ComponentContext.Create(app.Factory, clock, new RoleGrant(Role.Coordinator, hub));
        await using var volunteer = ComponentContext.Create(app.Factory, clock, new RoleGrant(Role.Volunteer, hub));

        var page = coordinator.Render<HubHoursPage>(p => p.Add(x => x.Slug, hub));
        var volunteers = volunteer.Render<HubHoursPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => Assert.Contains(name, page.Find("[data-testid=organiser-too-long]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Single(page.FindAll("[data-testid=organiser-too-long]"));
        Assert.DoesNotContain(restedName, page.Find("[data-testid=organisers-too-long]").TextContent, StringComparison.Ordinal);
        volunteers.WaitForAssertion(() => Assert.Single(volunteers.FindAll("[data-testid=hours-grid]")), TimeSpan.FromSeconds(10));
        Assert.Empty(volunteers.FindAll("[data-testid=organisers-too-long]"));
        Assert.DoesNotContain(name, volunteers.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_past_the_hubs_hours_counts_as_too_long_even_in_short_shifts()
    {
        var now = DateTimeOffset.Parse("2026-12-02T12:00:00Z", CultureInfo.InvariantCulture);
        var days = Enumerable.Range(1, 5).Select(d => new Shift("h", now.AddDays(-d), 9, now.AddDays(-d).AddHours(9))).ToArray();
        var old = new Shift("h", now.AddDays(-9), 9, now.AddDays(-9).AddHours(9));

        var week = OrganiserShifts.ThisWeek("Dee", new ShiftView(null, [.. days, old]), now);

        Assert.Equal(45, week.HoursThisWeek, 3);
        Assert.Equal(9, week.LongestShiftHours, 3);
        Assert.True(OrganiserShifts.TooLong(week, ShiftLimits.Default));
        Assert.False(OrganiserShifts.TooLong(week, new ShiftLimits(50, 10)));
    }
}
