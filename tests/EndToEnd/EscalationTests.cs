namespace MutualAid.EndToEnd;

/// <summary>
/// A critical need nobody takes in time: the hub's own deadline (set on its settings page) marks it
/// overdue on the board, then offers it to the region, where a neighbouring hub takes it in. Real
/// durable reminders on the app's real clock; the test app lets a hub count its deadlines in quarter
/// minutes (MutualAid:Deadlines, set by AppProcess), so this waits out fifteen seconds twice, not a minute.
/// </summary>
[Collection(BesideBrowserCollection.Name)]
public sealed class EscalationTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_overdue_critical_request_is_highlighted_then_offered_to_the_region_and_a_neighbouring_hub_takes_it()
    {
        var coordinator = await fixture.NewPage("coordinator");
        var regional = await fixture.NewPage("regional");

        // North gives itself a quarter of a minute for critical requests, and the page shows it kept that.
        await coordinator.GotoAsync("/hubs/north/settings");
        var critical = coordinator.GetByTestId("deadline-critical").Locator("input");
        await Journey.Until(coordinator.GetByText("Deadlines saved"), async () =>
        {
            await critical.FillAsync("0.25", new() { Timeout = 30000 });
            await coordinator.GetByTestId("deadlines-save").ClickAsync();
        });
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("deadline-critical").Locator("input")).ToHaveValueAsync("0.25", new() { Timeout = 30000 });

        var need = "E2E: insulin run " + Guid.NewGuid().ToString("N")[..6];
        // Taken before the call is entered: the request cannot be older than this, however long the page takes to answer.
        var created = DateTimeOffset.UtcNow;
        await PhoneIntake.Enter(coordinator, new PhoneCall("Escalation Caller", "Mill Lane", need) { Urgency = "Critical" });

        await coordinator.GotoAsync("/hubs/north");
        var row = coordinator.Locator("tr.ma-overdue").Filter(new() { Has = coordinator.GetByTestId("request-need").GetByText(need, new() { Exact = true }) });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)(Deadline + TimeSpan.FromSeconds(45)).TotalMilliseconds });
        Assert.True(DateTimeOffset.UtcNow - created >= Deadline - TimeSpan.FromSeconds(2), "overdue before its deadline");
        await Expect(row.GetByText("overdue")).ToBeVisibleAsync();

        // The regional coordinator sees it offered to the region...
        await regional.GotoAsync("/regions/city");
        var offered = regional.GetByTestId("escalations-grid").Locator("tr").Filter(new() { HasText = need });
        await Expect(offered).ToBeVisibleAsync(new() { Timeout = (float)(Deadline + TimeSpan.FromSeconds(60)).TotalMilliseconds });
        await Screenshots.Save(regional, "region-escalation", fullPage: true);

        // ...and Riverside's coordinator takes it in from the same region board.
        var riverside = await fixture.NewPage("coordinator");
        await riverside.GotoAsync("/regions/city");
        var take = riverside.GetByTestId("escalations-grid").Locator("tr").Filter(new() { HasText = need });
        await take.GetByRole(AriaRole.Button, new() { Name = "Into Riverside Hub" }).ClickAsync(new() { Timeout = 30000 });
        await Expect(riverside.GetByText("Now on Riverside Hub's board.")).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(offered).ToHaveCountAsync(0, new() { Timeout = 10000 });

        await coordinator.GotoAsync("/hubs/riverside");
        await Expect(coordinator.GetByTestId("request-need").GetByText(need, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30000 });
        await coordinator.GotoAsync("/hubs/north");
        await Expect(coordinator.GetByTestId("board-version")).ToContainTextAsync("Live", new() { Timeout = 30000 });
        await Expect(coordinator.GetByTestId("request-need").GetByText(need, new() { Exact = true })).ToHaveCountAsync(0);
    }
}
