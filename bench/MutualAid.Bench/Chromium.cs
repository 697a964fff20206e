using Microsoft.Playwright;

namespace MutualAid.Bench;

/// <summary>Debian's headless Chromium (never a downloaded browser), signed in with the harness's cookies.</summary>
internal sealed class Chromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IBrowserContext context;

    private Chromium(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
    }

    public static async Task<Chromium> Launch(Uri app, string cookies)
    {
        if (!File.Exists(ExecutablePath)) throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium (./test.sh does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString() });
        await context.AddCookiesAsync(cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return new Cookie { Name = pair[..at], Value = pair[(at + 1)..], Url = app.ToString() };
        }));
        return new Chromium(playwright, browser, context);
    }

    /// <summary>Opens a tab on the hub board and waits until its live board has rendered.</summary>
    public async Task OpenBoard(string hub)
    {
        var page = await context.NewPageAsync();
        // Generous: at 200 tabs on a shared 2-core machine the browser itself is most of the load.
        await page.GotoAsync($"/hubs/{hub}", new PageGotoOptions { Timeout = 120_000 });
        try
        {
            await page.WaitForSelectorAsync("[data-testid=board-version]", new PageWaitForSelectorOptions { Timeout = 120_000 });
        }
        catch (TimeoutException)
        {
            var shot = Path.Combine(Path.GetTempPath(), "mutualaid-bench-board.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            throw new InvalidOperationException($"The board did not render at {page.Url}; screenshot {shot}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
