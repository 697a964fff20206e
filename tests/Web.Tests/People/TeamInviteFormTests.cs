namespace MutualAid.Web.Tests.People;

/// <summary>
/// A link made for one email is bound to it; the form empties the email once the link is made, so
/// the coordinator's next link is not bound to the same person by accident (whoever else used it was refused).
/// </summary>
public sealed class TeamInviteFormTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task The_email_is_emptied_once_a_link_is_made_for_it()
    {
        var hub = await Seed.Hub(app.Factory.Grains);
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var page = context.Render<TeamPage>(p => p.Add(x => x.Slug, hub));
        page.WaitForAssertion(() => page.Find("[data-testid=invite-email]"), TimeSpan.FromSeconds(10));

        await page.Change("[data-testid=invite-email]", "xena@example.org");
        await page.Click("[data-testid=invite-create]");

        page.WaitForAssertion(() => Assert.Contains("/invite/", page.Find("[data-testid=invite-link]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.True(string.IsNullOrEmpty(page.Find("[data-testid=invite-email]").GetAttribute("value"))), TimeSpan.FromSeconds(10));
    }
}
