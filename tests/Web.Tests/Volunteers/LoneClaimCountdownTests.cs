namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// A two-volunteer request claimed by one waits for its partner, and that lone claim lapses on its own
/// window (RequestGrain.Claims): every page that counts a claim down shows this one too.
/// </summary>
public sealed class LoneClaimCountdownTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private WebAppFactory Factory => app.Factory;

    /// <summary>A pair in a fresh hub, claimed by one new volunteer: still waiting, with the claim running.</summary>
    private async Task<(string Hub, Guid Volunteer, RequestView Claimed)> LoneClaim()
    {
        var (hub, volunteer, claimed) = await Seed.HalfHeldPair(Factory.Grains, "Vee",
            (grain, created, v) => grain.Claim(new ClaimCommand(created.Version, Seed.Sam, v) { AsVolunteer = v }));
        Assert.NotNull(claimed.Assignment?.ClaimExpiresAt);
        return (hub, volunteer, claimed);
    }

    [Fact]
    public async Task The_board_counts_down_a_lone_claim_on_a_pair_waiting_for_its_partner()
    {
        var (hub, _, claimed) = await LoneClaim();
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var board = coordinator.Render<BoardPage>(p => p.Add(x => x.Slug, hub));

        board.WaitForAssertion(() => Assert.Contains("claim:", board.Find("[data-testid=claim-countdown]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(claimed.ReferenceCode, board.Find("[data-testid=dispatch-open]").TextContent.Trim());
    }

    /// <summary>The hub's staff read the volunteer's page as about the volunteer: it said "Yours until" and "My assignments" to them.</summary>
    [Fact]
    public async Task A_coordinator_reads_the_volunteers_page_about_the_volunteer_not_to_them()
    {
        var (hub, volunteer, _) = await LoneClaim();
        await using var coordinator = ComponentContext.Create(Factory, new RoleGrant(Role.Coordinator, hub));

        var page = coordinator.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));

        page.WaitForAssertion(() => Assert.StartsWith("Held until", page.Find("[data-testid=claim-until]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("My assignments", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Languages you speak", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_volunteers_own_page_says_until_when_a_lone_claim_on_a_waiting_pair_is_theirs()
    {
        var (hub, volunteer, _) = await LoneClaim();
        await using var own = ComponentContext.Create(Factory, volunteer, new RoleGrant(Role.Volunteer, hub));

        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=my-assignment]")), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("Yours until", page.Find("[data-testid=claim-until]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        // Alone in a pair they cannot pick it up yet: the words say what keeps it theirs.
        Assert.Contains("while a second volunteer is found", page.Find("[data-testid=claim-until]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_jobs_says_until_when_a_lone_claim_on_a_waiting_pair_is_theirs()
    {
        var (hub, volunteer, claimed) = await LoneClaim();
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        using var client = await Factory.SignedIn(email);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/jobs", UriKind.Relative)));

        Assert.Contains(claimed.ReferenceCode, page, StringComparison.Ordinal);
        Assert.Contains("Yours until", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_jobs_says_a_claims_time_in_its_hubs_zone_and_names_that_zone()
    {
        var (hub, volunteer, claimed) = await LoneClaim();
        await Seed.InZone(Factory.Grains, hub, "Europe/Madrid");
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        using var client = await Factory.SignedIn(email);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/jobs", UriKind.Relative)));

        Assert.Contains(claimed.ReferenceCode, page, StringComparison.Ordinal);
        Assert.Contains(" (Europe/Madrid), waiting for a second volunteer: unless it is picked up by then, it goes back.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", page, StringComparison.Ordinal);
    }
}
