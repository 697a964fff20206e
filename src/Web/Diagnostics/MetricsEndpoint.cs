using System.Net;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Hosting;

namespace MutualAid.Web.Diagnostics;

/// <summary>
/// Prometheus scrapes /metrics from the networks an operator names (loopback by default). Anyone
/// else is answered as for any unknown path, so the endpoint's existence is not advertised.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void UseMetricsEndpoint(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var networks = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsNetworks.Select(IPNetwork.Parse).ToArray();
        WebMetrics.Observe(app.Services.GetRequiredService<Board.BoardFeed>());
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == Path && context.Connection.RemoteIpAddress is { } caller && Allowed(networks, caller));
    }

    private static bool Allowed(IPNetwork[] networks, IPAddress caller)
    {
        if (caller.IsIPv4MappedToIPv6) caller = caller.MapToIPv4();
        return networks.Any(n => n.Contains(caller));
    }
}
