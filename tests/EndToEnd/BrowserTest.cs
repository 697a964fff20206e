namespace MutualAid.EndToEnd;

/// <summary>
/// Every browser test closes the browser contexts it opened when it ends, passed or failed. A page
/// left open keeps its circuit alive for the rest of the run and, once its app is stopped, spins in
/// Blazor's reconnect loop: by the middle of a CI run such leftover pages were taking most of the
/// two cores from the tests still running.
/// </summary>
public abstract class BrowserTest(IBrowser browser) : IAsyncLifetime
{
    /// <summary>How long a journey waits for something the app pushes or a busy CI machine draws late.</summary>
    protected static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 30000 };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // The two queues have a browser each, so this closes only this queue's pages.
        foreach (var context in browser.Contexts.ToList()) await context.CloseAsync();
    }
}
