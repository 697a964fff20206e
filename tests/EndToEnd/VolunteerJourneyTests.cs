using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MutualAid.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class VolunteerJourneyTests(BrowserFixture fixture)
{
    private static double Hours(string text) =>
        double.Parse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.Float, CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task A_volunteers_open_page_shows_a_new_assignment_live_then_accept_picked_up_and_delivered_with_the_hours_given()
    {
        var volunteer = await fixture.NewPage("volunteer");
        var dispatcher = await fixture.NewPage("dispatcher");

        // The volunteer sets their own limits on the no-script profile page (so the dispatcher may ask them now).
        await volunteer.GotoAsync("/my/profile");
        await volunteer.FillAsync("#MaxConcurrentAssignments", "10");
        await volunteer.FillAsync("#MaxHoursPerWeek", "80");
        await volunteer.FillAsync("#RestAfterHoursInADay", "24");
        await volunteer.FillAsync("#Skills", "first aid");
        for (var i = 0; await volunteer.Locator($"#Day{i}").CountAsync() > 0; i++) await volunteer.SelectOptionAsync($"#Day{i}", "");
        for (var i = 0; await volunteer.Locator($"#From{i}").CountAsync() > 0; i++)
        {
            await volunteer.FillAsync($"#From{i}", "");
            await volunteer.FillAsync($"#To{i}", "");
        }

        await volunteer.Locator("[data-testid=profile-on-duty]").CheckAsync();
        await volunteer.GetByTestId("profile-save").ClickAsync();
        await Expect(volunteer.GetByTestId("profile-saved")).ToBeVisibleAsync(new() { Timeout = 10000 });

        await volunteer.GotoAsync("/");
        await volunteer.GetByRole(AriaRole.Link, new() { Name = "My assignments" }).ClickAsync(new() { Timeout = 30000 });
        await Expect(volunteer.GetByTestId("volunteer-load")).ToBeVisibleAsync(new() { Timeout = 30000 });
        var totalBefore = Hours(await volunteer.GetByTestId("hours-total").InnerTextAsync());
        var pageUrl = volunteer.Url;

        var need = "E2E: first aid for a neighbour " + Guid.NewGuid().ToString("N")[..6];
        await PhoneIntake.Enter(dispatcher, new PhoneCall("Ada Caller", "Volunteer Row", need) { Phone = "07700 92" + Random.Shared.Next(1000, 9999) });
        await dispatcher.GotoAsync("/hubs/north");
        await Expect(dispatcher.Locator(".ma-live-ok")).ToBeVisibleAsync(new() { Timeout = 30000 });
        await dispatcher.Locator("tr").Filter(new() { Has = dispatcher.GetByTestId("request-need").GetByText(need, new() { Exact = true }) }).ClickAsync();
        var dialog = dispatcher.GetByTestId("dispatch-dialog");
        var priya = dialog.GetByTestId("suggestion").Filter(new() { HasText = "Priya" });
        await Expect(priya).ToBeVisibleAsync(new() { Timeout = 10000 });
        await Expect(priya).ToContainTextAsync("Has the skill: first aid");
        await priya.GetByTestId("assign").ClickAsync();
        await Expect(dialog.GetByTestId("dispatch-message")).ToContainTextAsync("Done.");

        // No reload: the page the volunteer already had open shows the job, offered (accept first).
        var card = volunteer.GetByTestId("my-assignment").Filter(new() { HasText = need });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5000 });
        Assert.Equal(pageUrl, volunteer.Url);
        await Expect(card.GetByTestId("picked-up")).ToHaveCountAsync(0);
        await card.GetByTestId("accept").ClickAsync();
        await card.GetByTestId("picked-up").ClickAsync(new() { Timeout = 10000 });
        var hours = card.Locator("[data-testid=hours-given] input, input[data-testid=hours-given]").First;
        await Expect(hours).ToBeVisibleAsync(new() { Timeout = 10000 });
        await hours.FillAsync("1.5");
        await hours.PressAsync("Tab");
        await card.GetByTestId("delivered").ClickAsync();

        await Expect(volunteer.GetByTestId("my-assignment").Filter(new() { HasText = need })).ToHaveCountAsync(0, new() { Timeout = 10000 });
        await Expect(volunteer.GetByTestId("hours-total")).ToContainTextAsync((totalBefore + 1.5).ToString("0.##", CultureInfo.GetCultureInfo("en-GB")), new() { Timeout = 10000 });
        await volunteer.Context.DisposeAsync();
        await dispatcher.Context.DisposeAsync();
    }
}
