namespace MutualAid.Web.Tests.Handover;

public sealed class HandoverPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_page_gives_each_change_at_the_hubs_time_as_the_text_download_does()
    {
        var grains = app.Factory.Grains;
        var hub = await Seed.Hub(grains);
        // Tokyo has no summer time, and is not the zone of any server this runs on that we know of.
        await Seed.InZone(grains, hub, "Asia/Tokyo");
        var request = await Seed.Request(grains, hub, phone: "07700 413001");
        await Wait.Until(async () => (await grains.GetGrain<IHubGrain>(hub).ChangedSince(DateTimeOffset.UtcNow.AddHours(-1))).Contains(request.Id), "the hub saw the request");
        var change = Assert.Single((await HandoverReport.Build(grains, hub, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow)).Changes);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        await using var context = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));

        var page = context.Render<HandoverPage>(p => p.Add(x => x.Slug, hub));

        page.WaitForAssertion(() => page.Find("[data-testid=handover-changes] tbody tr"), Patience);
        var when = page.Find("[data-testid=handover-changes] tbody tr td").TextContent.Trim();
        var atTokyo = TimeZoneInfo.ConvertTime(change.At, tokyo);
        Assert.Matches(@"\d{1,2}[:.]\d{2}", when); // a time of day, not only the day
        Assert.Equal($"{atTokyo.ToString("ddd", CultureInfo.CurrentCulture)} {atTokyo.ToString("t", CultureInfo.CurrentCulture)}", when);
    }
}
