using Microsoft.Extensions.Configuration;

namespace MutualAid.Silo.Hosting;

/// <summary>The "Observability" section: where metrics and traces go. Nothing leaves the process unless set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Observability";

    /// <summary>An OTLP collector (http://collector:4317) for metrics and traces; none by default.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// Whether commands are traced: by default only when <see cref="OtlpEndpoint"/> names somewhere to
    /// send the spans. A span per grain call that nobody receives cost about a fifth of the CPU per command of a
    /// busy hub (docs/benchmarks.md, issue 18); true traces without a collector (an in-process
    /// listener), false never traces.
    /// </summary>
    public bool? Traces { get; set; }

    /// <summary>What <see cref="Traces"/> comes to.</summary>
    public bool Tracing => Traces ?? OtlpEndpoint is not null;

    /// <summary>The section as configured (validated at start-up by <see cref="Telemetry"/>).</summary>
    public static TelemetryOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    /// <summary>
    /// A standalone silo's Prometheus port (it has no web server of its own); 0 = none. A web
    /// process answers /metrics on its own port instead, to <see cref="MetricsNetworks"/> only.
    /// </summary>
    public int MetricsPort { get; set; }

    /// <summary>
    /// The address a standalone silo answers Prometheus on, as the scraper names it (the listener
    /// matches the Host header): the pod's IP in Kubernetes, the silo's address in compose.
    /// </summary>
    public string MetricsHost { get; set; } = "localhost";

    /// <summary>Who may scrape a web process's /metrics: networks in CIDR form. Everyone else gets the app's 404.</summary>
    public string[] MetricsNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    public bool IsValid() => MetricsPort is >= 0 and <= 65535 && Uri.CheckHostName(MetricsHost) != UriHostNameType.Unknown
        && MetricsNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _))
        && (OtlpEndpoint is null || OtlpEndpoint.IsAbsoluteUri);
}
