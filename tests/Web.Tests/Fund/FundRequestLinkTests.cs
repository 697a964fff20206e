using Microsoft.AspNetCore.Components;
using MutualAid.Fund;
using MutualAid.Web.Fund;

namespace MutualAid.Web.Tests.Fund;

/// <summary>
/// /my/jobs links to the fund page with the job's id in ?request=. A link cut short left a blank
/// page and a dead circuit (a typed query parameter threw); now it is an ask for no job. A request
/// of another hub read "Linked to the job you came from" and "Saved", and the link was dropped
/// unseen (hunt5 §16): now such an id reads exactly as one of no request.
/// </summary>
public sealed class FundRequestLinkTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("zzz")]
    [InlineData("6f1c")]
    [InlineData("6f1c0c9e-2b7a-4d3e-9a51-0c8e2f4b7d11")]
    public async Task A_request_that_cannot_be_read_leaves_the_ask_for_no_job(string request)
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/hubs/{hub}/fund?request={request}");

        var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => page.Find("[data-testid=fund-ask]"), Patience);
        Assert.Empty(page.FindAll("[data-testid=fund-ask-request]"));
    }

    [Fact]
    public async Task A_job_of_the_hub_is_offered_as_the_one_the_ask_is_for()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        var request = await Seed.Request(app.Factory.Grains, hub);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/hubs/{hub}/fund?request={request.Id}");

        var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=fund-ask-request]")), Patience);
    }

    [Fact]
    public async Task A_request_of_another_hub_is_not_offered_and_the_ask_is_saved_for_no_job()
    {
        var (hub, other) = (await Seed.Hub(app.Factory.Grains), await Seed.Hub(app.Factory.Grains));
        var volunteer = await Seed.Volunteer(app.Factory.Grains, hub, "Vic Okafor");
        var elsewhere = await Seed.Request(app.Factory.Grains, other);
        await Localization.Localized.In("en", async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
            context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/hubs/{hub}/fund?request={elsewhere.Id}");

            var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));
            page.WaitForAssertion(() => page.Find("[data-testid=fund-ask]"), Patience);
            Assert.Empty(page.FindAll("[data-testid=fund-ask-request]"));

            await page.Change("[data-testid=fund-ask-amount] input, input[data-testid=fund-ask-amount]", "4.50");
            await page.Change("[data-testid=fund-ask-note]", "Bus fare");
            await page.Click("[data-testid=fund-ask]");

            page.WaitForAssertion(() => Assert.EndsWith(Localization.Localized.Words["Fund.Saved"].Value, page.Find("[data-testid=fund-message]").TextContent.Trim(), StringComparison.Ordinal), Patience);
        });
        var ask = Assert.Single((await app.Factory.Grains.GetGrain<IHubFundGrain>(hub).GetLedger()).Entries);
        Assert.Null(ask.RequestId);
    }

    /// <summary>The page links only a job of its hub; one that has left the board since is refused with a reason, not dropped.</summary>
    [Fact]
    public async Task An_ask_for_a_job_that_is_not_on_the_hubs_board_is_refused_with_a_reason()
    {
        var (hub, other) = (await Seed.Hub(app.Factory.Grains), await Seed.Hub(app.Factory.Grains));
        var volunteer = await Seed.Volunteer(app.Factory.Grains, hub, "Vic Okafor");
        var elsewhere = await Seed.Request(app.Factory.Grains, other);
        await using var context = ComponentContext.Create(app.Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var fund = context.Services.GetRequiredService<FundService>();

        var refused = await fund.Ask(hub, 4.5m, RequestCategory.Transport, "Bus fare", volunteer, elsewhere.Id);
        var unknown = await fund.Ask(hub, 4.5m, RequestCategory.Transport, "Bus fare", volunteer, Guid.NewGuid());

        Assert.Equal((ResultStatus.Invalid, Reason.FundJobNotOnHub), (refused.Status, refused.Reason));
        Assert.Equal((refused.Status, refused.Reason, refused.Said), (unknown.Status, unknown.Reason, unknown.Said)); // nothing says the id exists elsewhere
        Assert.Empty((await app.Factory.Grains.GetGrain<IHubFundGrain>(hub).GetLedger()).Entries);
    }
}
