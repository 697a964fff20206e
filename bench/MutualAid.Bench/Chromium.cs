using Microsoft.Playwright;

namespace MutualAid.Bench;

/// <summary>
/// Debian's headless Chromium (never a downloaded browser), signed in with the harness's cookies.
/// Many tabs are spread over several browser processes (<see cref="TabsPerBrowser"/> each): one
/// Chromium with 200 tabs on a 2-core machine aborted a navigation at tab 37.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Tabs one browser process is given before the next one starts.</summary>
    public const int TabsPerBrowser = 50;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly IPlaywright playwright;
    private readonly Uri app;
    private readonly string cookies;
    private readonly List<(IBrowser Browser, IBrowserContext Context)> browsers = [];
    private readonly List<IPage> tabs = [];

    private Chromium(IPlaywright playwright, Uri app, string cookies)
    {
        this.playwright = playwright;
        this.app = app;
        this.cookies = cookies;
    }

    public static async Task<Chromium> Launch(Uri app, string cookies)
    {
        if (!File.Exists(ExecutablePath)) throw new InvalidOperationException($"{ExecutablePath} is missing: apt-get install chromium (./test.sh does).");
        var chromium = new Chromium(await Playwright.CreateAsync(), app, cookies);
        await chromium.AddBrowser();
        return chromium;
    }

    private async Task AddBrowser()
    {
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // Tabs share a few renderer processes instead of one each (memory and CPU of the machine the server shares).
                "--renderer-process-limit=4",
                // Every tab must keep its circuit: throttled timers in a background tab would miss SignalR's keep-alives.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString() });
        await context.AddCookiesAsync(cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return new Cookie { Name = pair[..at], Value = pair[(at + 1)..], Url = app.ToString() };
        }));
        browsers.Add((browser, context));
    }

    /// <summary>Opens a tab on the hub board and waits until its live board has rendered (its circuit is up).</summary>
    public Task OpenBoard(string hub) => Open($"/hubs/{hub}", "[data-testid=board-version]");

    /// <summary>
    /// Opens a tab on the hub's "together" page (the layout, three counts, about six Radzen components)
    /// and waits until its circuit has rendered them: about the framework's fixed cost of a circuit,
    /// the floor under a board tab.
    /// </summary>
    public Task OpenSmallPage(string hub) => Open($"/hubs/{hub}/together", "[data-testid=together]");

    private async Task Open(string path, string rendered)
    {
        if (tabs.Count >= browsers.Count * TabsPerBrowser) await AddBrowser();
        var page = await browsers[^1].Context.NewPageAsync();
        try
        {
            await Navigate(page, path, rendered);
        }
        catch (PlaywrightException e) when (e.Message.Contains("net::ERR_ABORTED", StringComparison.Ordinal))
        {
            // A starved browser can abort a navigation it started; the tab is closed (its circuit, if any,
            // goes) and opened once more, so the count of open boards stays exact.
            Console.Error.WriteLine($"tab {tabs.Count + 1}: navigation aborted, opening it again");
            await page.CloseAsync();
            page = await browsers[^1].Context.NewPageAsync();
            await Navigate(page, path, rendered);
        }

        tabs.Add(page);
    }

    private static async Task Navigate(IPage page, string path, string rendered)
    {
        await page.GotoAsync(path, new PageGotoOptions { Timeout = (float)Patience.TotalMilliseconds });
        try
        {
            await page.WaitForSelectorAsync(rendered, new PageWaitForSelectorOptions { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            var shot = Path.Combine(Path.GetTempPath(), "mutualaid-bench-board.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            throw new InvalidOperationException($"The board did not render at {page.Url}; screenshot {shot}");
        }
    }

    /// <summary>
    /// How many open tabs still show a live board with no reconnection under way: a tab that lost its
    /// circuit would make the server's memory per tab look smaller than it is.
    /// </summary>
    public async Task<int> LiveTabs()
    {
        var live = 0;
        foreach (var tab in tabs)
        {
            var board = await tab.Locator("[data-testid=board-version].ma-live-ok, [data-testid=together]").CountAsync();
            var reconnecting = await tab.Locator("#components-reconnect-modal").IsVisibleAsync();
            if (board == 1 && !reconnecting) live++;
        }

        return live;
    }

    public int Browsers => browsers.Count;

    public async ValueTask DisposeAsync()
    {
        foreach (var (browser, context) in browsers)
        {
            await context.DisposeAsync();
            await browser.DisposeAsync();
        }

        playwright.Dispose();
    }
}
