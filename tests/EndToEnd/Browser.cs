namespace MutualAid.EndToEnd;

/// <summary>Debian's Chromium driven by Playwright; never a downloaded browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public AppProcess App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        App = await AppProcess.Start();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser (its own cookies) signed in as one of the demo people, e.g. "dispatcher".</summary>
    /// <param name="locale">The browser's language (its Accept-Language), e.g. "es-ES".</param>
    /// <param name="bypassCsp">For injecting test script (axe-core) that the app's policy rightly refuses.</param>
    public async Task<IPage> NewPage(string who, string locale = "en-GB", bool bypassCsp = false)
    {
        var page = await NewAnonymousPage(locale, bypassCsp);
        await SignIn(page, $"{who}@demo.local", await App.DemoPassword());
        return page;
    }

    public async Task<IPage> NewAnonymousPage(string locale = "en-GB", bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = locale,
            BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    public static async Task SignIn(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A second queue of browser tests, run beside the first with a browser and demo app of its own:
/// journeys that spend most of their time waiting out real deadlines on the app's clock (durable
/// reminders), and journeys on an empty app of their own, which share nothing with the first queue.
/// Two queues at most (xunit runs as many collections at once as there are cores); the tests whose
/// figures are timed (live board, presence, weight) stay in the first.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BesideBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-beside";
}
