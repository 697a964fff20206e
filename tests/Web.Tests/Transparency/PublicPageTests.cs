using MutualAid.Stats;

namespace MutualAid.Web.Tests.Transparency;

/// <summary>
/// The public page of a hub and of its region: small, no script, cacheable, the right counts for a
/// small known week, and none of the personal data or fine places that went into them.
/// </summary>
public sealed class PublicPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly Actor Sam = new("sam", "Sam");

    private IGrainFactory Grains => app.Factory.Grains;

    /// <summary>Everything personal or finer than the hub that the seeding below puts into the network.</summary>
    private static readonly string[] Private =
    [
        "Xiomara Quintanilla", "Bartholomew Vexley", "Zebulon Quillfeather", "Ottoline Marchbanks",
        "+15550199231", "5550199231", "0199231", "+15550177342", "0177342", "+15550166453",
        "41 Juniper Crescent", "Juniper Crescent", "9 Larkspur Mews", "Larkspur Mews",
        "xiomara@example.org", "Quetzal Gardens", "Wisteria Yard", "Tamarind Close",
        "gluten-free for my twins", "Quinoa from Zanzibar Farm", "ring the brass bell",
    ];

    /// <summary>
    /// From an empty network: a region, a hub with named areas, two volunteers, an offer, three
    /// Food requests delivered this week (1.5 hours each), and a Medicine request still waiting.
    /// </summary>
    private async Task<(string Region, string Hub)> Seeded()
    {
        var region = $"region-{Guid.NewGuid():N}"[..16];
        Assert.True((await Grains.GetGrain<IRegionGrain>(region).Configure("Riverside " + region, Sam)).IsOk);
        var hub = $"hub-{Guid.NewGuid():N}"[..16];
        var settings = new HubSettings("Northgate " + hub, region)
        {
            Areas = [new NamedArea("Quetzal Gardens", new GeoPoint(51.52, -0.08)), new NamedArea("Wisteria Yard", new GeoPoint(51.53, -0.09))],
        };
        var configured = await Grains.GetGrain<IHubGrain>(hub).Configure(settings, Sam);
        Assert.True(configured.IsOk, configured.Message);

        var volunteers = new List<Guid>();
        foreach (var (name, phone) in new[] { ("Zebulon Quillfeather", "+15550166453"), ("Ottoline Marchbanks", "+15550155564") })
        {
            var id = Guid.NewGuid();
            var registered = await Grains.GetGrain<IVolunteerGrain>(id).Register(
                new VolunteerProfile(name, [hub], [RequestCategory.Food, RequestCategory.Medicine], ["English"], true, 5, 20) { Contact = new ContactDetails(name, phone, null, "9 Larkspur Mews") }, Sam);
            Assert.True(registered.IsOk, registered.Message);
            volunteers.Add(id);
        }

        var offered = await Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Quinoa from Zanzibar Farm", 10, "kg",
            new ContactDetails("Bartholomew Vexley", "+15550177342", null, "Tamarind Close"), RequestSource.Member, Sam)
        { Area = "Wisteria Yard" });
        Assert.True(offered.IsOk, offered.Message);

        for (var i = 0; i < 3; i++)
        {
            var request = await Ask(hub, RequestCategory.Food, Urgency.Normal);
            var grain = Grains.GetGrain<IRequestGrain>(request.Id);
            var assigned = await grain.Assign(new AssignCommand(request.Version, Sam, volunteers[i % 2]) { Hub = hub });
            Assert.True(assigned.IsOk, assigned.Message);
            var accepted = await grain.Accept(new RequestCommand(assigned.Value!.Version, Sam) { Hub = hub });
            var started = await grain.Start(new RequestCommand(accepted.Value!.Version, Sam) { Hub = hub });
            var delivered = await grain.Fulfil(new FulfilCommand(started.Value!.Version, Sam, 1.5) { Hub = hub });
            Assert.True(delivered.IsOk, delivered.Message);
        }

        await Ask(hub, RequestCategory.Medicine, Urgency.Critical);
        await Wait.Until(async () => (await Grains.GetGrain<IHubStatsGrain>(hub).GetWeeks()).Sum(w => w.DeliveredTotal) == 3, "three deliveries counted");
        await Wait.Until(async () => (await Grains.GetGrain<IRegionGrain>(region).GetOverview())!.Hubs.Single().Counts.UnassignedCritical == 1, "the region seeing the waiting request");
        return (region, hub);
    }

    private async Task<RequestView> Ask(string hub, RequestCategory category, Urgency urgency)
    {
        var created = await Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, category, urgency, "Quetzal Gardens",
            "Bread, gluten-free for my twins", new ContactDetails("Xiomara Quintanilla", "+15550199231", "xiomara@example.org", "41 Juniper Crescent"), RequestSource.PhoneIntake, Sam)
        {
            AccessibilityNotes = "ring the brass bell",
        });
        Assert.True(created.IsOk, created.Message);
        return created.Value!;
    }

    private static string Cell(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</", RegexOptions.Singleline).Groups[1].Value).Trim();

    [Fact]
    public async Task The_hub_and_region_pages_show_the_weeks_counts_and_nothing_personal_or_finer_than_the_hub()
    {
        var (region, hub) = await Seeded();
        using var client = app.Factory.CreateClient();

        foreach (var path in new[] { $"/public/hubs/{hub}", $"/public/regions/{region}" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (var secret in Private) Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
            foreach (var banned in new[] { "<script", "blazor", "_framework", "__RequestVerificationToken" }) Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
            Assert.True(Encoding.UTF8.GetByteCount(html) < 12 * 1024, $"{path}: {Encoding.UTF8.GetByteCount(html)} bytes");
            Assert.Contains("public", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromMinutes(1), response.Headers.CacheControl?.MaxAge);
            Assert.False(response.Headers.Contains("Set-Cookie"), path);

            Assert.Equal("3", Cell(html, "met-week"));
            Assert.Equal("3", Cell(html, "met-month"));
            Assert.Contains("<tr data-testid=\"needs-Food\"><td>Food</td><td class=\"n\">3</td><td class=\"n\">3</td><td class=\"n\">0</td></tr>", html, StringComparison.Ordinal);
            Assert.Equal("1", Cell(html, "open-total"));
            Assert.Equal("Critical requests waiting for a volunteer: 1.", Cell(html, "critical-waiting"));
            Assert.Contains("4.5 hours this week", Cell(html, "hours-given"), StringComparison.Ordinal);
            Assert.Equal("0.00 EUR", Cell(html, "money-in-total"));
            Assert.Equal("0.00 EUR", Cell(html, "money-out-total"));
        }
    }

    [Fact]
    public async Task The_page_is_cached_per_language_and_an_unknown_slug_is_any_unknown_page()
    {
        var (region, hub) = await Seeded();
        using var client = app.Factory.CreateClient();

        var english = await client.GetStringAsync(new Uri($"/public/hubs/{hub}", UriKind.Relative));
        var spanish = await client.GetStringAsync(new Uri($"/public/hubs/{hub}?lang=es", UriKind.Relative));
        Assert.Contains("Needs met", english, StringComparison.Ordinal);
        Assert.Contains("Necesidades atendidas", spanish, StringComparison.Ordinal);
        using var asked = new HttpRequestMessage(HttpMethod.Get, new Uri($"/public/hubs/{hub}", UriKind.Relative));
        asked.Headers.AcceptLanguage.ParseAdd("es");
        var again = await client.SendAsync(asked);
        Assert.Contains("Necesidades atendidas", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new request shows only once the cached minute is over: the page is served from the cache.
        await Ask(hub, RequestCategory.Food, Urgency.Low);
        var cached = await client.GetAsync(new Uri($"/public/hubs/{hub}", UriKind.Relative));
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(english, await cached.Content.ReadAsStringAsync());

        var unknownPage = await client.GetAsync(new Uri("/no-such-page-at-all", UriKind.Relative));
        foreach (var path in new[] { "/public/hubs/no-such-hub", "/public/regions/no-such-region", "/public/hubs/no-such-hub/survey", $"/public/regions/{hub}" })
        {
            var unknown = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(unknownPage.StatusCode, unknown.StatusCode);
            Assert.Equal(Unpersonal(await unknownPage.Content.ReadAsStringAsync()), Unpersonal(await unknown.Content.ReadAsStringAsync()));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/public/regions/{region}", UriKind.Relative))).StatusCode);
    }

    /// <summary>
    /// The not-found page without what differs on every page anyway (the switcher's fresh antiforgery token,
    /// and the path the reader asked for, to come back to): the rest must not tell a hub's absence apart.
    /// </summary>
    private static string Unpersonal(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(name=\"(?:__RequestVerificationToken|returnUrl)\"[^>]*?value=\")[^\"]*\"", "$1\"");
}
