using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Hosting;
using MutualAid.Web.Hosting;

namespace MutualAid.Web.Tests.Hosting;

/// <summary>
/// The keys that seal cookies and form tokens live with the network's data, so a restarted or second
/// front-end reads what another made; in memory only with demo data, which a restart loses anyway.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "mutualaid-keys-" + Guid.NewGuid().ToString("N")[..8]);

    private static ServiceProvider Front(MutualAidOptions options, RedisConnection? redis = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddMutualAidKeyRing(options, redis);
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void What_one_front_end_seals_on_the_embedded_store_another_started_later_opens()
    {
        var options = new MutualAidOptions { Storage = StorageKind.Sqlite, DataFolder = data };
        string sealedText;
        using (var first = Front(options))
        {
            sealedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in as ada");
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys"), "key-*.xml"));
        using var second = Front(options);
        Assert.Equal("signed in as ada", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(sealedText));
    }

    [Fact]
    public void Front_ends_sharing_redis_keep_their_keys_there()
    {
        using var redis = new RedisConnection("127.0.0.1:1");
        using var front = Front(new MutualAidOptions { Storage = StorageKind.Redis, Clustering = ClusteringKind.Redis, Redis = "127.0.0.1:1", DataFolder = data }, redis);
        var repository = front.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository;
        Assert.Equal("RedisXmlRepository", repository?.GetType().Name);
        Assert.False(Directory.Exists(data));
    }

    public void Dispose()
    {
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
    }
}
