using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MutualAid.Silo.Hosting;

/// <summary>
/// OpenTelemetry for every process of the network: our meters, Orleans' and the runtime's, and traces
/// that follow a command from the web request into the grains (only when a collector is named, see
/// <see cref="TelemetryOptions.Traces"/>); exported by OTLP when a collector is named, scraped by
/// Prometheus otherwise. Span and metric attributes carry ids and slugs only.
/// </summary>
public static class Telemetry
{
    public static readonly string[] Meters = [Diagnostics.GrainMetrics.MeterName, "MutualAid.Web", "Microsoft.Orleans"];

    public static readonly string[] Sources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "MutualAid.Web"];

    /// <param name="ownListener">A standalone silo, with no web server: it answers Prometheus on <see cref="TelemetryOptions.MetricsPort"/>.</param>
    public static IServiceCollection AddMutualAidTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? traces = null, bool ownListener = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = TelemetryOptions.From(configuration);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section))
            .Validate(o => o.IsValid(), "Observability: MetricsPort 0-65535, MetricsHost a host name or address, MetricsNetworks in CIDR form (10.0.0.0/8), OtlpEndpoint an absolute URL.")
            .ValidateOnStart();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(m =>
            {
                m.AddMeter(Meters).AddRuntimeInstrumentation();
                metrics?.Invoke(m);
                if (ownListener && options.MetricsPort > 0) m.AddPrometheusHttpListener(o => (o.Host, o.Port) = (options.MetricsHost, options.MetricsPort));
                if (options.OtlpEndpoint is { } otlp) m.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        if (!options.Tracing) return services;
        telemetry.WithTracing(t =>
        {
            t.AddSource(Sources).AddProcessor(new GrainIdRedaction());
            traces?.Invoke(t);
            if (options.OtlpEndpoint is { } otlp) t.AddOtlpExporter(o => o.Endpoint = otlp);
        });
        return services;
    }
}
