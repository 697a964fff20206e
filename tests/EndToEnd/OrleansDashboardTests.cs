namespace MutualAid.EndToEnd;

/// <summary>
/// The Orleans Dashboard runs inside the app's own pages' rules: served behind the administrator's
/// sign-in and under the app's Content-Security-Policy, it must still draw and fetch its live figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrleansDashboardTests(BrowserFixture fixture) : BrowserTest(fixture.Browser)
{
    [Fact]
    public async Task The_dashboard_draws_live_silo_figures_for_an_administrator_without_breaking_the_content_policy()
    {
        var page = await fixture.NewPage("admin");
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (problems) problems.Add(m.Text); };
        page.PageError += (_, e) => { lock (problems) problems.Add(e); };
        var polls = 0;
        page.Response += (_, r) =>
        {
            if (r.Url.EndsWith("/admin/orleans/DashboardCounters", StringComparison.Ordinal) && r.Status == 200) Interlocked.Increment(ref polls);
            else if (r.Status >= 400) lock (problems) problems.Add($"{r.Status} {r.Url}");
        };

        await page.GotoAsync("/admin/orleans/");
        await Expect(page.Locator("#menu")).ToContainTextAsync("Silos", new() { Timeout = 30000 });
        // The overview polls its counters; two answers mean its script runs and keeps running under the policy.
        await Wait.Until(() => Volatile.Read(ref polls) >= 2, "the dashboard polls its live counters", 30);
        lock (problems) Assert.True(problems.Count == 0, "Console and failed requests:\n" + string.Join("\n", problems));
    }
}
