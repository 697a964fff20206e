using Microsoft.AspNetCore.Components;
using MutualAid.Web.Fund;

namespace MutualAid.Web.Tests.Fund;

/// <summary>
/// /my/jobs links to the fund page with the job's id in ?request=. A link cut short left a blank
/// page and a dead circuit (a typed query parameter threw); now it is an ask for no job.
/// </summary>
public sealed class FundRequestLinkTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("zzz", false)]
    [InlineData("6f1c", false)]
    [InlineData("6f1c0c9e-2b7a-4d3e-9a51-0c8e2f4b7d11", true)]
    public async Task A_request_that_cannot_be_read_leaves_the_ask_for_no_job(string request, bool forTheJob)
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/hubs/{hub}/fund?request={request}");

        var page = context.Render<FundPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => page.Find("[data-testid=fund-ask]"), Patience);
        Assert.Equal(forTheJob, page.FindAll("[data-testid=fund-ask-request]").Count == 1);
    }
}
