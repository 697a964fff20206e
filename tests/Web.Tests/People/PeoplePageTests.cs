using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MutualAid.Web.Tests.People;

public sealed class PeoplePageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Erasing_a_requester_says_it_was_done_and_they_are_not_found_again()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var request = await Seed.Request(grains, hub, phone: "07700 412001");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = context.Render<PeoplePage>(p => p.Add(x => x.Slug, hub));
        page.WaitForState(() => page.RenderCount >= 2, Patience); // the hub's volunteers are loaded and the page drawn again

        await page.Change("input[data-testid=people-phone]", "07700 412001");
        await page.Click("[data-testid=people-find]");
        page.WaitForAssertion(() => page.Find("[data-testid=people-erase]"), Patience);
        await page.Click("[data-testid=people-erase]");
        // It cannot be undone, so it asks first, naming whose data goes; nothing is erased yet.
        page.WaitForAssertion(() => Assert.Contains("Erase the personal data of", page.Find("[data-testid=people-erase-ask]").TextContent, StringComparison.Ordinal), Patience);
        Assert.NotEqual(ContactDetails.ErasedName, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Contact.Name);
        await page.Click("[data-testid=people-erase-confirm]");

        page.WaitForAssertion(() => Assert.Contains($"Erased {request.ReferenceCode}.", page.Find("[data-testid=people-message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-testid=people-erase]"));
        Assert.Equal(ContactDetails.ErasedName, (await grains.GetGrain<IRequestGrain>(request.Id).GetView())!.Contact.Name);
    }

    [Fact]
    public async Task Erasing_a_volunteer_asks_first_and_keep_leaves_them_as_they_were()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        var volunteer = await Seed.Volunteer(grains, hub, "Ines Keeper");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = context.Render<PeoplePage>(p => p.Add(x => x.Slug, hub));
        page.WaitForAssertion(() => page.Find("[data-testid=volunteer-erase]"), Patience);

        await page.Click("[data-testid=volunteer-erase]");
        page.WaitForAssertion(() => Assert.Contains("Ines Keeper", page.Find("[data-testid=volunteer-erase-ask]").TextContent, StringComparison.Ordinal), Patience);
        await page.Click("[data-testid=volunteer-erase-keep]");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=volunteer-erase-ask]")), Patience);
        Assert.Equal("Ines Keeper", (await grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Profile.Name);
    }
}
