using MutualAid.Silo.Hosting;
using OpenTelemetry.Trace;

namespace MutualAid.Grains.Tests.Hosting;

public sealed class TelemetryTests
{
    private static TracerProvider? Tracer(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(TelemetryOptions.Section + ":" + s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddMutualAidTelemetry(configuration, "test").BuildServiceProvider();
        return services.GetService<TracerProvider>();
    }

    [Fact]
    public void Commands_are_traced_only_when_there_is_a_collector_to_send_the_spans_to_or_an_operator_asks()
    {
        Assert.Null(Tracer());
        Assert.NotNull(Tracer(("OtlpEndpoint", "http://127.0.0.1:4317")));
        Assert.NotNull(Tracer(("Traces", "true")));
        Assert.Null(Tracer(("OtlpEndpoint", "http://127.0.0.1:4317"), ("Traces", "false")));
    }
}
