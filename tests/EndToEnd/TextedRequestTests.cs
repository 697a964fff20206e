namespace MutualAid.EndToEnd;

/// <summary>
/// Issue 16 from nothing: a new network gives its hub a number; a neighbour with no internet texts
/// AYUDA; a dispatcher assigns the invited volunteer on the board; the volunteer answers SÍ and LISTO by
/// text; the neighbour hears by text and sees "delivered" on /status. Production, SQLite, no demo data;
/// only Twilio is a stand-in (a real HTTP server on loopback that checks what Twilio checks).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TextedRequestTests(BrowserFixture browser, TextingNetworkApp texting) : BrowserTest(browser.Browser), IClassFixture<TextingNetworkApp>
{
    private const string HubNumber = "+15005550099";
    private const string Neighbour = "+447700900555";
    private const string VolunteerPhone = "+447700900444";
    private EmptyNetworkApp Network => texting.Network;

    [Fact]
    public async Task A_texted_request_is_assigned_on_the_board_accepted_and_delivered_by_text_and_shown_delivered_on_status()
    {
        var coordinator = await Journey.HubCoordinator(Network, browser.Browser, "Harbour", "cora@example.org", "Cora");

        // The coordinator gives the hub its number (a Radzen form: typed again if the page was not live yet).
        await coordinator.GotoAsync("/hubs/harbour/settings");
        await Journey.Until(coordinator.Locator(".rz-notification").Filter(new() { HasText = "SMS number saved" }), async () =>
        {
            await coordinator.GetByTestId("sms-number").FillAsync(HubNumber);
            await coordinator.GetByTestId("sms-number-save").ClickAsync();
        }, attempts: 10, wait: 3000);

        // The team: a dispatcher, and a volunteer who gives a phone and wants texts.
        var (dispatcher, volunteer) = await Journey.Team(Network, browser.Browser, coordinator, "harbour");
        await volunteer.CheckAsync("input[name=CanHelpWith][value=Food]");
        await volunteer.FillAsync("#Phone", VolunteerPhone);
        await volunteer.CheckAsync("[data-testid=notify-Sms]");
        await volunteer.GetByTestId("profile-save").ClickAsync();
        await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });

        // A neighbour with no internet texts the hub's number.
        var reply = await texting.Text(Neighbour, HubNumber, "AYUDA necesito comida en Elm Street");
        var code = Regex.Match(reply, "[0-9A-Z]{3}-[0-9A-Z]{4}").Value;
        Assert.StartsWith("Recibimos tu solicitud.", reply, StringComparison.Ordinal);
        Assert.NotEmpty(code);

        // It is on the board, in Spanish, for food in Elm Street; the dispatcher assigns Vic from the suggestions.
        await dispatcher.GotoAsync("/hubs/harbour");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(Live);
        var row = dispatcher.Locator("tr").Filter(new() { HasText = code });
        await Expect(row).ToContainTextAsync("Elm Street", new() { Timeout = 10000 });
        await row.ClickAsync(new() { Timeout = 30000 });
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        await Expect(dialog).ToContainTextAsync("Spanish", new() { Timeout = 10000 });
        var vic = dialog.GetByTestId("suggestion").Filter(new() { HasText = "Vic Okafor" });
        await Expect(vic).ToBeVisibleAsync(new() { Timeout = 10000 });
        await vic.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.");

        // Vic is offered it by text, and answers by text.
        var offer = await texting.Twilio.WaitFor(m => m.To == VolunteerPhone && m.Body.Contains(code, StringComparison.Ordinal));
        Assert.Contains("accept", offer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"Thank you: job {code} is yours. Contact: ", await texting.Text(VolunteerPhone, HubNumber, "SÍ"), StringComparison.Ordinal);
        Assert.Equal($"Job {code} is marked delivered. Thank you!", await texting.Text(VolunteerPhone, HubNumber, "LISTO"));

        // The neighbour hears it in Spanish, once, and /status says so with the code and the last four digits.
        var delivered = await texting.Twilio.WaitFor(m => m.To == Neighbour && m.Body.Contains("entregada", StringComparison.Ordinal));
        Assert.Contains(code, delivered.Body, StringComparison.Ordinal);
        var neighbour = await Network.NewPage(browser.Browser, "es-ES");
        await neighbour.GotoAsync("/status");
        await neighbour.FillAsync("#code", code);
        await neighbour.FillAsync("#digits", "0555");
        await neighbour.ClickAsync("main button[type=submit]");
        await Expect(neighbour.GetByTestId("status-answer")).ToContainTextAsync("Tu solicitud ha sido entregada.");
        await Expect(neighbour.Locator("main")).Not.ToContainTextAsync("Vic");
        Assert.Single(texting.Twilio.Received, m => m.To == Neighbour && m.Body.Contains("entregada", StringComparison.Ordinal));
    }
}
