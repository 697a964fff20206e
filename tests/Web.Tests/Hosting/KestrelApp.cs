namespace MutualAid.Web.Tests.Hosting;

/// <summary>
/// The app on real Kestrel at a loopback port, as nginx reaches it: connections really come from
/// 127.0.0.1 and bodies arrive as the client sends them (the in-memory test server always knows a
/// request's length and has no client address).
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private KestrelApp(WebAppFactory factory, Uri baseAddress)
    {
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public WebAppFactory Factory { get; }

    public Uri BaseAddress { get; }

    public static KestrelApp Start(Dictionary<string, string> settings)
    {
        var factory = new WebAppFactory(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        // Always IPv4 loopback, so the proxy settings can name the address the app sees.
        return new KestrelApp(factory, new UriBuilder(address) { Host = "127.0.0.1" }.Uri);
    }

    /// <summary>A plain client: no redirects followed, no cookie jar (tests send the cookies they mean to).</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
