namespace MutualAid.Web.Tests;

public sealed class WebAppFixture : IAsyncLifetime
{
    public WebAppFactory Factory { get; } = new();

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start the host (and its silo) now, not inside the first test's timing
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
