namespace MutualAid.Web.Tests.Plain;

/// <summary>
/// The no-script pages are Razor components rendered on the server without a circuit: whole small
/// documents with the plain stylesheet, no script, no Blazor and no Radzen, each with its status.
/// </summary>
public sealed class PlainPagesTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    [Fact]
    public async Task Every_no_script_page_is_a_small_plain_document_with_its_status()
    {
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, TeamWorld.Hub), null, TimeSpan.FromDays(1), new Actor(world.Admin, "Ada Admin"));
        Assert.True(link.IsOk, link.Message);
        using var browser = world.Browser();
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["/ask"] = HttpStatusCode.OK,
            ["/offer"] = HttpStatusCode.OK,
            ["/status"] = HttpStatusCode.OK,
            ["/account/login"] = HttpStatusCode.OK,
            ["/account/denied"] = HttpStatusCode.Forbidden,
            ["/setup"] = HttpStatusCode.NotFound, // the network has its administrator
            [$"/invite/{link.Value}"] = HttpStatusCode.OK,
            ["/invite/no-such-token-0123456789"] = HttpStatusCode.NotFound,
            ["/reset/no-such-token-0123456789"] = HttpStatusCode.NotFound,
        };

        foreach (var (path, status) in expected)
        {
            var response = await browser.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{path}: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/plain.css\"", html, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1>"));
            foreach (var banned in new[] { "<script", "blazor", "Radzen", "_framework" })
            {
                Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
            }

            Assert.True(html.Length < 12 * 1024, $"{path}: {html.Length} characters");
            // The language switcher on every page posts back with its token to where the reader was.
            Assert.Contains($"name=\"returnUrl\" value=\"{path}\"", html, StringComparison.Ordinal);
            Assert.NotEmpty(FormToken.In(html));
        }
    }

    [Fact]
    public async Task An_invitation_names_the_role_and_hub_in_bold_and_encodes_whatever_the_inviter_is_called()
    {
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, TeamWorld.Hub), null, TimeSpan.FromDays(1), new Actor(world.Admin, "<b>Eve</b> & \"co\""));
        Assert.True(link.IsOk, link.Message);
        using var browser = world.Browser();

        var html = await browser.GetStringAsync(new Uri($"/invite/{link.Value}", UriKind.Relative));

        // The hub as people name it: its slug ("board") is only its address.
        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;co&quot; invited you as <strong>Volunteer</strong> of <strong>Board Street Pantry</strong>.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Eve</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_to_a_region_names_the_region_on_the_form_and_when_it_is_sent_back()
    {
        var link = await world.Accounts.Invite(new RoleGrant(Role.RegionalCoordinator, "north"), null, TimeSpan.FromDays(1), new Actor(world.Admin, "Ada Admin"));
        Assert.True(link.IsOk, link.Message);
        using var browser = world.Browser();
        var path = new Uri($"/invite/{link.Value}", UriKind.Relative);
        const string Named = "Ada Admin invited you as <strong>Regional coordinator</strong> of <strong>North</strong>.";

        var form = await browser.GetStringAsync(path);
        Assert.Contains(Named, form, StringComparison.Ordinal);

        // Sent back without a name: the form again, still naming the region.
        var again = await browser.PostAsync(path, TeamWorld.Form(form, new() { ["email"] = "rae@example.org", ["name"] = "", ["password"] = WebAppFactory.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(Named, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
