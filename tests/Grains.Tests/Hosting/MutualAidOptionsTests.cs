namespace MutualAid.Grains.Tests.Hosting;

public sealed class MutualAidOptionsTests
{
    private static MutualAidOptions Read(params (string Key, string Value)[] settings) =>
        MutualAidHostingExtensions.ReadOptions(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("MutualAid:" + s.Key, s.Value)))
            .Build());

    [Fact]
    public void Defaults_are_the_embedded_single_machine_mode()
    {
        var options = Read();
        Assert.Equal(StorageKind.Sqlite, options.Storage);
        Assert.Equal(ClusteringKind.Localhost, options.Clustering);
        Assert.Equal(RemindersKind.Sqlite, options.EffectiveReminders);
        Assert.Equal(HostingKind.CoHosted, options.Hosting);
    }

    [Fact]
    public void A_full_redis_cluster_configuration_is_accepted()
    {
        var options = Read(("Storage", "Redis"), ("Clustering", "Redis"), ("Reminders", "Redis"), ("Redis", "127.0.0.1:6379"));
        Assert.Equal("127.0.0.1:6379", options.Redis);
        Assert.Equal(RemindersKind.Redis, options.EffectiveReminders);
        Assert.Equal(RemindersKind.Memory, Read(("Storage", "Memory")).EffectiveReminders);
    }

    [Theory]
    [InlineData("Clustering=Redis;Reminders=Redis;Redis=localhost", "SQLite store is one machine's file")]
    [InlineData("Clustering=Redis;Storage=Memory;Reminders=Redis;Redis=localhost", "Memory storage in a cluster")]
    [InlineData("Clustering=Redis;Storage=Redis;Reminders=Memory;Redis=localhost", "set MutualAid:Reminders=Redis")]
    [InlineData("Clustering=Redis;Storage=Redis;Reminders=Sqlite;Redis=localhost", "SQLite reminders live in one machine's file")]
    [InlineData("Storage=Redis", "MutualAid:Redis (a connection string")]
    [InlineData("AdvertisedAddress=not-an-ip", "is not an IP address")]
    [InlineData("SiloPort=5000;GatewayPort=5000", "must differ")]
    [InlineData("ClusterId=has spaces", "MutualAid:ClusterId")]
    [InlineData("Storage=Floppy", "configuration section is invalid")]
    public void Bad_combinations_stop_startup_with_a_plain_message(string settings, string expected)
    {
        var pairs = settings.Split(';').Select(s => s.Split('=')).Select(p => (p[0], p[1])).ToArray();
        var error = Assert.Throws<StartupException>(() => Read(pairs));
        Assert.Contains(expected, error.Message);
    }
}
