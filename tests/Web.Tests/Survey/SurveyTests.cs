using MutualAid.Stats;
using MutualAid.Web.Trends;

namespace MutualAid.Web.Tests.Survey;

/// <summary>
/// The needs survey from the coordinator's trends page to the public no-script form and back:
/// answers are checked field by field, counted into the week's trends, and their words reach the
/// hub's coordinators only.
/// </summary>
public sealed class SurveyTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    private static string ThisWeek => StatsWeek.WeekOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts the survey form as a browser would: the page's antiforgery token and answer id with the fields.</summary>
    internal static async Task<HttpResponseMessage> Answer(HttpClient client, string hub, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri($"/public/hubs/{hub}/survey", UriKind.Relative));
        fields[FormToken.FieldName] = FormToken.In(page);
        fields.TryAdd("answer", Regex.Match(page, "name=\"answer\" value=\"([^\"]+)\"").Groups[1].Value);
        return await client.PostAsync(new Uri($"/public/hubs/{hub}/survey", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static IRenderedComponent<HubTrendsPage> Trends(BunitContext context, string hub)
    {
        var page = context.Render<HubTrendsPage>(p => p.Add(x => x.Slug, hub));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=trends-row]")), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task A_coordinator_opens_the_survey_and_checked_answers_join_the_trends_with_their_words_for_coordinators_only()
    {
        var hub = await Seed.Hub(Grains);
        using var client = app.Factory.CreateClient();
        Assert.Contains("data-testid=\"survey-closed\"", await client.GetStringAsync(new Uri($"/public/hubs/{hub}/survey", UriKind.Relative)), StringComparison.Ordinal);

        await using var coordinator = ComponentContext.Create(app.Factory, new RoleGrant(Role.Coordinator, hub));
        var trends = Trends(coordinator, hub);
        await trends.Click("[data-testid=survey-open]");
        trends.WaitForAssertion(() => Assert.Contains("Open", trends.Find("[data-testid=survey-state]").TextContent, StringComparison.Ordinal));

        var form = await client.GetStringAsync(new Uri($"/public/hubs/{hub}/survey", UriKind.Relative));
        Assert.DoesNotContain("<script", form, StringComparison.OrdinalIgnoreCase);
        Assert.True(Encoding.UTF8.GetByteCount(form) < 12 * 1024, $"{Encoding.UTF8.GetByteCount(form)} bytes");

        var tooMany = await Answer(client, hub, new() { ["need"] = "Medicine", ["household"] = "99" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("Give a number of people between 1 and 30.", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var noNeed = await Answer(client, hub, new() { ["need"] = "Spaceships", ["household"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, noNeed.StatusCode);
        Assert.Contains("Choose what you need most.", WebUtility.HtmlDecode(await noNeed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["need"] = "Medicine", ["household"] = "3", ["comment"] = "Insulin for Yolanda Pemberton runs out Fridays", ["answer"] = Guid.NewGuid().ToString() };
        var answered = await Answer(client, hub, fields);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Your answer is counted.", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Answer(client, hub, new(fields))).StatusCode); // the same form sent again counts once
        Assert.Equal(HttpStatusCode.OK, (await Answer(client, hub, new() { ["need"] = "Medicine" })).StatusCode);

        var reloaded = Trends(coordinator, hub);
        var row = reloaded.FindAll("[data-testid=trends-row]").Single(r => r.GetAttribute("data-period") == ThisWeek);
        Assert.Equal("2", row.GetAttribute("data-reported"));
        Assert.Equal("Medicine", row.QuerySelector("[data-testid=trends-reported-most]")!.TextContent.Trim());
        Assert.Contains("Insulin for Yolanda Pemberton", reloaded.Find("[data-testid=survey-comments]").TextContent, StringComparison.Ordinal);

        // A dispatcher sees the counts, not the words; the public page neither.
        await using var dispatcher = ComponentContext.Create(app.Factory, new RoleGrant(Role.Dispatcher, hub));
        var theirs = Trends(dispatcher, hub);
        Assert.Empty(theirs.FindAll("[data-testid=survey-comments]"));
        Assert.Empty(theirs.FindAll("[data-testid=survey-open]"));
        Assert.DoesNotContain("Yolanda", await client.GetStringAsync(new Uri($"/public/hubs/{hub}", UriKind.Relative)), StringComparison.Ordinal);
        // A volunteer of the hub has no trends page at all.
        await using var volunteer = ComponentContext.Create(app.Factory, new RoleGrant(Role.Volunteer, hub));
        var refused = volunteer.Render<HubTrendsPage>(p => p.Add(x => x.Slug, hub));
        refused.WaitForAssertion(() => Assert.Single(refused.FindAll("[data-testid=not-allowed]")), TimeSpan.FromSeconds(10));
    }
}

/// <summary>The survey form and the public page count against per-client limits, like /ask.</summary>
public sealed class PublicLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory factory = new(new Dictionary<string, string>
    {
        ["MutualAid:PublicFormPermits"] = "2",
        ["MutualAid:PublicFormWindowSeconds"] = "60",
        ["MutualAid:PublicPagePermits"] = "3",
    });

    [Fact]
    public async Task Answers_and_page_views_past_the_limit_are_refused_with_429()
    {
        var hub = await Seed.Hub(factory.Grains);
        await factory.Grains.GetGrain<IHubStatsGrain>(hub).SetSurveyOpen(true);
        using var client = factory.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) answers.Add((await SurveyTests.Answer(client, hub, new() { ["need"] = "Food" })).StatusCode);
        var pages = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) pages.Add((await client.GetAsync(new Uri($"/public/hubs/{hub}", UriKind.Relative))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], pages);
        Assert.Equal(2, (await factory.Grains.GetGrain<IHubStatsGrain>(hub).GetSurvey()).Answers);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
