using MutualAid.Thanks;
using MutualAid.Web.Thanks;

namespace MutualAid.Web.Tests.Thanks;

/// <summary>Thank-yous: from the person helped (via /status) and from the board, live on the volunteer's page, counted together, never ranked.</summary>
public sealed class ThanksTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    private static string Phone() => "07700 9" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    private static string Digits(string phone) => phone[^4..];

    /// <summary>Posts a public form as a browser would: the page's antiforgery token with the fields.</summary>
    private static async Task<string> Post(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        fields[FormToken.FieldName] = FormToken.In(page);
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Answer(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-answer\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value).Trim();

    private static IRenderedComponent<VolunteerPage> OwnPage(BunitContext context, Guid volunteer)
    {
        var page = context.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=nothing-assigned]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=thank-you]"));
        return page;
    }

    [Fact]
    public async Task A_thank_you_from_status_reaches_the_volunteers_open_page_without_reload_and_names_nobody_to_the_requester()
    {
        var hub = await Seed.Hub(Grains);
        var phone = Phone();
        var request = await Seed.Delivered(Grains, hub, phone, "Vera Volunteer");
        var volunteer = request.Assignment!.VolunteerId;
        await using var mine = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var own = OwnPage(mine, volunteer);
        using var client = app.Factory.CreateClient();

        var status = await Post(client, "/status", new() { ["code"] = request.ReferenceCode, ["digits"] = Digits(phone) });
        Assert.Contains("data-testid=\"status-thanks-form\"", status, StringComparison.Ordinal);
        var thanked = await Post(client, "/status/thanks", new() { ["code"] = request.ReferenceCode, ["digits"] = Digits(phone), ["note"] = "The soup saved our week" });

        Assert.Contains("We passed your note on", WebUtility.HtmlDecode(thanked), StringComparison.Ordinal);
        Assert.DoesNotContain("Vera", thanked, StringComparison.Ordinal);
        own.WaitForAssertion(() => Assert.Equal("The soup saved our week", own.Find("[data-testid=thank-you-text]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("From the person you helped", own.Find("[data-testid=thank-you]").TextContent, StringComparison.Ordinal);
        var audit = await Grains.GetGrain<IRequestGrain>(request.Id).GetAudit();
        Assert.Contains(audit, e => e.Said.Key == "DidThank");
        Assert.DoesNotContain(audit, e => e.Action.Contains("soup", StringComparison.Ordinal)); // who thanked is audited, not the words
    }

    [Fact]
    public async Task A_coordinators_thank_you_from_the_board_reaches_the_volunteers_open_page_without_reload()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Delivered(Grains, hub, Phone());
        var volunteer = request.Assignment!.VolunteerId;
        await using var mine = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var own = OwnPage(mine, volunteer);

        var box = coordinator.Render<ThanksBox>(p => p.Add(x => x.HubSlug, hub).Add(x => x.RequestId, request.Id));
        await box.Change("[data-testid=thanks-text]", "Thank you for going out in the storm");
        await box.Click("[data-testid=thanks-send]");

        box.WaitForAssertion(() => Assert.Contains("Sent", box.Find("[data-testid=thanks-said]").TextContent, StringComparison.Ordinal));
        own.WaitForAssertion(() => Assert.Equal("Thank you for going out in the storm", own.Find("[data-testid=thank-you-text]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("From Cora", own.Find("[data-testid=thank-you]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_hubs_organisers_thank_from_the_board_and_only_once_it_is_delivered()
    {
        var hub = await Seed.Hub(Grains);
        var delivered = await Seed.Delivered(Grains, hub, Phone());
        var open = await Seed.Claimed(Grains, hub, Phone());
        await using var volunteer = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, hub));
        await using var otherHub = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, await Seed.Hub(Grains)));
        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));

        var byVolunteer = await volunteer.Services.GetRequiredService<ThanksService>().FromBoard(hub, delivered.Id, "thanks");
        var byStranger = await otherHub.Services.GetRequiredService<ThanksService>().FromBoard(hub, delivered.Id, "thanks");
        var tooSoon = await dispatcher.Services.GetRequiredService<ThanksService>().FromBoard(hub, open.Id, "thanks");
        var tooLong = await dispatcher.Services.GetRequiredService<ThanksService>().FromBoard(hub, delivered.Id, new string('x', ThankYouNote.MaxLength + 1));

        Assert.Equal(Reason.ThanksNeedsOrganiser, byVolunteer.Reason);
        Assert.Equal(Reason.ThanksNeedsOrganiser, byStranger.Reason);
        Assert.Equal(Reason.ThanksAfterDelivery, tooSoon.Reason);
        Assert.Equal(Reason.ThanksTooLong, tooLong.Errors.Single().Reason);
        Assert.Empty((await Grains.GetGrain<IVolunteerGrain>(delivered.Assignment!.VolunteerId).GetView())!.Thanks);
    }

    [Fact]
    public async Task A_wrong_reference_or_wrong_digits_get_the_same_answer_as_not_found_and_thank_nobody()
    {
        var hub = await Seed.Hub(Grains);
        var phone = Phone();
        var request = await Seed.Delivered(Grains, hub, phone);
        using var client = app.Factory.CreateClient();

        var notFound = await Post(client, "/status", new() { ["code"] = "ZZZ-ZZZZ", ["digits"] = "0000" });
        var wrongCode = await Post(client, "/status/thanks", new() { ["code"] = "ZZZ-ZZZZ", ["digits"] = Digits(phone), ["note"] = "thanks" });
        var wrongDigits = await Post(client, "/status/thanks", new() { ["code"] = request.ReferenceCode, ["digits"] = "0000", ["note"] = "thanks" });

        Assert.Equal(Answer(notFound), Answer(wrongCode));
        Assert.Equal(Answer(notFound), Answer(wrongDigits));
        Assert.DoesNotContain("status-thanks", wrongCode, StringComparison.Ordinal);
        Assert.DoesNotContain("status-thanks", wrongDigits, StringComparison.Ordinal);
        Assert.DoesNotContain(request.ReferenceCode, wrongDigits, StringComparison.Ordinal);
        Assert.Empty((await Grains.GetGrain<IVolunteerGrain>(request.Assignment!.VolunteerId).GetView())!.Thanks);
    }

    [Fact]
    public async Task The_together_page_counts_the_months_deliveries_hours_and_thanks_with_no_one_ranked()
    {
        var hub = await Seed.Hub(Grains);
        var first = await Seed.Delivered(Grains, hub, Phone(), "Vera Volunteer");
        var second = await Seed.Delivered(Grains, hub, Phone(), "Omar Volunteer");
        foreach (var (request, note) in new[] { (first, "one"), (first, "two"), (second, "three") })
        {
            var thanked = await Grains.GetGrain<IRequestGrain>(request.Id).Thank(new ThankCommand(Guid.NewGuid(), ThanksFrom.Organiser, note, Seed.Sam) { Hub = hub });
            Assert.True(thanked.IsOk, thanked.Message);
        }

        var board = Grains.GetGrain<IHubGrain>(hub);
        await Wait.Until(async () => (await board.GetSnapshot()).Volunteers.Count == 2, "both volunteers are on the hub's board");
        await using var member = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, hub));
        var page = member.Render<TogetherPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=together-thanks]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("2", page.Find("[data-testid=together-delivered]").TextContent.Trim());
        Assert.Equal("3", page.Find("[data-testid=together-hours]").TextContent.Trim());
        // Counts for everyone together: no names, so nobody's share can be read or ranked.
        Assert.DoesNotContain("Vera", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thank_yous_show_only_to_the_volunteer_not_to_their_coordinator()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Delivered(Grains, hub, Phone());
        var volunteer = request.Assignment!.VolunteerId;
        Assert.True((await Grains.GetGrain<IRequestGrain>(request.Id).Thank(new ThankCommand(Guid.NewGuid(), ThanksFrom.Requester, "Bless you", Seed.Sam))).IsOk);
        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var service = coordinator.Services.GetRequiredService<VolunteerService>();

        var (view, level) = await service.Page(volunteer);

        Assert.Equal(VolunteerPageAccess.Coordinator, level);
        Assert.Empty(view!.Thanks);
        var page = coordinator.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=volunteer-name]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("Bless you", page.Markup, StringComparison.Ordinal);
    }
}
