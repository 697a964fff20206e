namespace MutualAid.Web.Tests.Region;

/// <summary>The administrator's forms say what was asked for and forget what belonged to the last link.</summary>
public sealed class AdminFormsTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task After_a_coordinator_link_is_made_the_next_one_is_not_bound_to_the_same_email()
    {
        var region = $"Quay {Guid.NewGuid():N}"[..13];
        var first = $"Dock {Guid.NewGuid():N}"[..13];
        var second = $"Pier {Guid.NewGuid():N}"[..13];
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
        var page = context.Render<AdminPage>();
        foreach (var hub in new[] { first, second })
        {
            await page.Change("[data-testid=admin-region]", region);
            await page.Change("[data-testid=admin-hub]", hub);
            await page.Click("[data-testid=admin-create-hub]");
            page.WaitForAssertion(() => Assert.Contains(Slug.From(hub), page.Find("[data-testid=admin-message]").TextContent, StringComparison.Ordinal), Patience);
        }

        await Pick(page, Slug.From(first));
        await page.Change("[data-testid=admin-invite-email]", "ada@example.org");
        await page.Click("[data-testid=admin-invite]");
        page.WaitForAssertion(() => Assert.Contains("/invite/", page.Find("[data-testid=admin-message]").TextContent, StringComparison.Ordinal), Patience);

        Assert.True(string.IsNullOrEmpty(page.Find("[data-testid=admin-invite-email]").GetAttribute("value")));
        Assert.True(page.Find("[data-testid=admin-invite]").HasAttribute("disabled")); // the hub is chosen again, too

        await Pick(page, Slug.From(second));
        await page.Click("[data-testid=admin-invite]");
        await Wait.Until(async () => (await app.Factory.Grains.GetGrain<IPendingInvitationsGrain>(Slug.From(second)).List()).Count == 1, "the second link is made");
        Assert.Null(Assert.Single(await app.Factory.Grains.GetGrain<IPendingInvitationsGrain>(Slug.From(second)).List()).Email);
        Assert.Equal("ada@example.org", Assert.Single(await app.Factory.Grains.GetGrain<IPendingInvitationsGrain>(Slug.From(first)).List()).Email);
    }

    [Theory]
    [InlineData("en", "", "Give the region a name made of letters or digits.")]
    [InlineData("en", "🌊🌊", "Give the region a name made of letters or digits.")]
    [InlineData("es", "🌊", "Da a la región un nombre con letras o números.")]
    public async Task A_region_made_alone_with_no_usable_name_is_told_about_the_region_only(string culture, string name, string expected)
    {
        await Localization.Localized.In(culture, async () =>
        {
            await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.NetworkAdmin, null));
            var page = context.Render<AdminPage>();

            await page.Change("[data-testid=admin-new-region]", name);
            await page.Click("[data-testid=admin-create-region]");

            page.WaitForAssertion(() => Assert.EndsWith(expected, page.Find("[data-testid=admin-message]").TextContent.Trim(), StringComparison.Ordinal), Patience);
        });
    }

    private static async Task Pick(IRenderedComponent<AdminPage> page, string hub)
    {
        var pick = page.FindComponents<Radzen.Blazor.RadzenDropDown<string>>().Single(d => d.Markup.Contains("data-testid=\"admin-invite-hub\"", StringComparison.Ordinal));
        await page.InvokeAsync(() => pick.Instance.ValueChanged.InvokeAsync(hub));
    }
}
