using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace MutualAid.Bench;

/// <summary>
/// The transport's own cost: a minimal SignalR hub with no Orleans behind it, in this process,
/// broadcasting a message of the same size to the same number of clients at the same rate.
/// </summary>
internal sealed class Baseline : IAsyncDisposable
{
    private readonly WebApplication app;

    private Baseline(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public IHubContext<BroadcastHub> Hub => app.Services.GetRequiredService<IHubContext<BroadcastHub>>();

    public static async Task<Baseline> Start()
    {
        var port = MutualAid.TestSupport.Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BroadcastHub>("/baseline");
        await app.StartAsync();
        return new Baseline(app, new Uri($"http://127.0.0.1:{port}"));
    }

    public static IEnumerable<string> KeysOf(Probe message) => [message.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>The one field of a baseline message the harness reads.</summary>
    public sealed record Probe(long Seq);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed class BroadcastHub : Hub;
}
