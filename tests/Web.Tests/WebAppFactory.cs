using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace MutualAid.Web.Tests;

/// <summary>The real web app with its co-hosted silo (memory store, private ports) in the test process.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    private readonly int siloPort = FreePort();
    private readonly int gatewayPort = FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MutualAid:Storage", "Memory");
        builder.UseSetting("MutualAid:SiloPort", siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MutualAid:GatewayPort", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("MutualAid:ServiceId", "web-tests-" + siloPort);
    }

    public IGrainFactory Grains => (IGrainFactory)Services.GetService(typeof(IGrainFactory))!;

    public HubConnection BoardConnection() => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, "/hubs/board"), o =>
        {
            o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
        })
        .Build();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
