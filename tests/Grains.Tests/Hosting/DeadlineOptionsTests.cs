using Microsoft.Extensions.Hosting;

namespace MutualAid.Grains.Tests.Hosting;

public sealed class DeadlineOptionsTests
{
    private static DeadlineOptions Read(params (string Key, string Value)[] settings) =>
        new ServiceCollection()
            .AddMutualAidDeadlines(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(DeadlineOptions.Section + ":" + s.Key, s.Value)))
                .Build())
            .BuildServiceProvider()
            .GetRequiredService<IOptions<DeadlineOptions>>().Value;

    private static HubSettings Hub(TimeSpan critical) =>
        new("North", null) { Deadlines = UrgencyTimes.DefaultDeadlines with { Critical = critical } };

    [Fact]
    public void By_default_a_hub_counts_its_deadlines_in_whole_minutes_and_a_due_reminder_looks_again_each_minute()
    {
        var options = Read();
        Assert.Equal(HubSettings.ShortestDeadline, options.Shortest);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Recheck);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Steps(1.4m));
        Assert.Equal(TimeSpan.FromMinutes(2), options.Steps(1.5m));
        Assert.Equal(TimeSpan.FromMinutes(15), options.Steps(15m));
        Assert.NotEmpty(Hub(TimeSpan.FromSeconds(15)).Validate(options.Shortest));
        Assert.NotEmpty(Hub(TimeSpan.FromSeconds(15)).Validate());
    }

    [Fact]
    public void A_rehearsal_network_may_count_in_quarter_minutes()
    {
        var options = Read(("Shortest", "00:00:15"), ("Recheck", "00:00:05"));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Recheck);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Steps(0.25m));
        Assert.Equal(TimeSpan.FromSeconds(15), options.Steps(0.2m));
        Assert.Equal(TimeSpan.FromMinutes(15), options.Steps(15m));
        Assert.Empty(Hub(TimeSpan.FromSeconds(15)).Validate(options.Shortest));
        var tooShort = Assert.Single(Hub(TimeSpan.FromSeconds(10)).Validate(options.Shortest));
        Assert.Equal(MutualAid.Common.Reason.DeadlineOutOfRange, tooShort.Reason);
    }

    [Fact]
    public void A_web_front_end_of_a_cluster_reads_the_networks_deadline_settings_as_a_silo_does()
    {
        // Its hub settings page sets deadlines in steps of the network's shortest.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new(DeadlineOptions.Section + ":Shortest", "00:00:15")]);
        builder.UseOrleansClient(client => client.AddMutualAidClient(builder.Configuration));
        using var host = builder.Build();
        Assert.Equal(TimeSpan.FromSeconds(15), host.Services.GetRequiredService<IOptions<DeadlineOptions>>().Value.Shortest);
    }

    [Theory]
    [InlineData("Shortest", "00:00:07")] // a minute is no whole number of them
    [InlineData("Shortest", "00:02:00")] // longer than the product's shortest
    [InlineData("Shortest", "00:00:00")]
    [InlineData("Recheck", "00:00:01")] // quicker than the silo lets a reminder tick
    [InlineData("Recheck", "02:00:00")]
    public void A_setting_out_of_range_stops_start_up(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Read((key, value)));
        Assert.Contains(DeadlineOptions.Rule, refused.Message, StringComparison.Ordinal);
    }
}
