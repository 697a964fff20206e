namespace MutualAid.EndToEnd;

/// <summary>
/// Runs axe-core (the npm package, installed by ./test.sh into tests/EndToEnd/node_modules) in a
/// page and fails on any serious or critical violation, listing each with the elements it found.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(Repository.Root, "tests", "EndToEnd", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run ./test.sh, which runs npm ci in tests/EndToEnd.");
    });

    /// <summary>Pages need a context created with <c>BypassCSP</c>: our policy (rightly) refuses injected script.</summary>
    public static async Task AssertNoSeriousViolations(IPage page, string what, string? within = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Mid-animation (a dialog fading in) colours are blends, and contrast would be judged on them.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')");
        await page.WaitForTimeoutAsync(300);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Content = Source.Value });
        }

        var result = await page.EvaluateAsync<JsonElement>(
            "async (selector) => { const r = await axe.run(selector ? document.querySelector(selector) : document, { resultTypes: ['violations'] }); " +
            "return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html.slice(0, 160) + ' — ' + (n.failureSummary || '').split('\\n').join(' ')) })); }",
            within);

        var serious = result.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").ToList();
        if (serious.Count == 0) return;
        var report = new StringBuilder($"{what}: {serious.Count} serious or critical accessibility violation(s)\n");
        foreach (var v in serious)
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- [{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}");
            foreach (var node in v.GetProperty("nodes").EnumerateArray().Take(5)) report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    {node.GetString()}");
        }

        Assert.Fail(report.ToString());
    }
}
