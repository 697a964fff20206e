namespace MutualAid.EndToEnd;

/// <summary>
/// A second app process that starts with nothing in it (no demo data, no accounts), for journeys
/// that must work for a network starting from scratch. It shares the collection's browser, so the
/// browser tests still run one at a time.
/// </summary>
public sealed class EmptyNetworkApp : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    // Production, as an operator runs it: a journey that only works with developer settings is not done.
    public Task InitializeAsync() => Start(null);

    /// <param name="settings">More settings for the app ("Section:Key").</param>
    public async Task Start(IReadOnlyDictionary<string, string?>? settings) =>
        App = await AppProcess.Start(seedDemo: false, environment: "Production", settings: settings);

    /// <summary>A new browser (its own cookies) pointed at the empty app.</summary>
    /// <param name="locale">The browser's language (its Accept-Language), e.g. "es-ES".</param>
    /// <param name="phone">A phone's small touch screen instead of a desktop window.</param>
    /// <param name="timeZone">The browser's clock; UTC, as the server's, whatever this machine's.</param>
    public async Task<IPage> NewPage(IBrowser browser, string locale = "en-GB", bool phone = false, string timeZone = "UTC")
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale,
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
    }
}
