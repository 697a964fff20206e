namespace MutualAid.EndToEnd;

/// <summary>
/// Decisions from an empty network: a volunteer invited into a hub votes on a coordinator's
/// proposal and sees the outcome when its deadline passes (a deadline seconds away: no clock hook,
/// no "close now").
/// </summary>
[Collection(BesideBrowserCollection.Name)]
public sealed class DecisionJourneyTests(BrowserFixture browser, EmptyNetworkApp network) : BrowserTest(browser.Browser), IClassFixture<EmptyNetworkApp>
{
    [Fact]
    public async Task A_member_votes_on_a_proposal_and_sees_the_outcome_after_the_deadline()
    {
        var coordinator = await Journey.HubCoordinator(network, browser.Browser, "Meadow", "cora@example.org", "Cora");
        var (_, volunteer) = await Journey.Team(network, browser.Browser, coordinator, "meadow");

        var title = "Open on Sundays " + Guid.NewGuid().ToString("N")[..6];
        await coordinator.GotoAsync("/hubs/meadow/decisions");
        await Expect(coordinator.GetByTestId("decision-none")).ToBeVisibleAsync(Live);
        await coordinator.GetByTestId("proposal-new-title").FillAsync(title);
        await coordinator.GetByTestId("proposal-new-text").FillAsync("Two volunteers keep the hub open every Sunday morning.");
        var closesIn = coordinator.Locator("[data-testid=proposal-new-closes-in] input, input[data-testid=proposal-new-closes-in]").First;
        await closesIn.FillAsync("40");
        await closesIn.PressAsync("Tab");
        await Journey.Choose(coordinator, "proposal-new-unit", "seconds");
        await coordinator.GetByTestId("proposal-new-submit").ClickAsync();
        await Expect(coordinator.GetByTestId("decision-message")).ToContainTextAsync("Saved.", new() { Timeout = 10000 });

        // Vic, a volunteer of the hub, finds it from the board and votes For.
        await volunteer.GotoAsync("/hubs/meadow");
        await volunteer.GetByTestId("open-decisions").ClickAsync(new() { Timeout = 30000 });
        var proposal = volunteer.GetByTestId("proposal").Filter(new() { HasText = title });
        await Expect(proposal).ToBeVisibleAsync(Live);
        await proposal.GetByTestId("proposal-open").ClickAsync();
        var detail = volunteer.GetByTestId("proposal-detail");
        await Expect(detail.GetByTestId("proposal-text")).ToContainTextAsync("every Sunday morning", new() { Timeout = 10000 });
        await detail.GetByTestId("vote-0").ClickAsync();
        await Expect(detail).ToContainTextAsync("Your vote: For", new() { Timeout = 10000 });

        // The deadline passes with the page open: the outcome and the tally appear by themselves.
        await Expect(detail.GetByTestId("proposal-outcome")).ToBeVisibleAsync(new() { Timeout = 90000 });
        await Expect(detail.GetByTestId("proposal-outcome")).ToContainTextAsync("Outcome: For");
        await Expect(detail.GetByTestId("proposal-tally").First).ToContainTextAsync("For: 1");
        await Screenshots.Save(volunteer, "decisions", fullPage: true);

        // The coordinator's list shows it closed too.
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("proposal").Filter(new() { HasText = title })).ToContainTextAsync("closed", new() { Timeout = 30000 });
    }
}
