using Microsoft.AspNetCore.DataProtection;
using MutualAid.Silo.Hosting;
using StackExchange.Redis;

namespace MutualAid.Web.Hosting;

/// <summary>
/// The keys that seal sign-in cookies and form tokens. Left where ASP.NET Core puts them (a folder in
/// the process's home, gone with a container), a restart signed everyone out and one front-end
/// refused the cookies and forms another had made; so they live with the network's data: in the
/// Redis the front-ends share, or in the data folder beside the SQLite file.
/// </summary>
public static class KeyRing
{
    private const string RedisKey = "mutualaid-dataprotection-keys";

    public static void AddMutualAidKeyRing(this WebApplicationBuilder builder, MutualAidOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var keys = builder.Services.AddDataProtection().SetApplicationName("MutualAid");
        if (options.Clustering == ClusteringKind.Redis && options.Redis is { Length: > 0 } redis)
        {
            // Connected on first use, so a front-end starting before Redis is up still starts (readiness says so).
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis + ",abortConnect=false"));
            keys.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), RedisKey);
        }
        else if (options.Storage == StorageKind.Sqlite)
        {
            var folder = Path.GetDirectoryName(MutualAidHostingExtensions.DatabasePath(options, builder.Environment.ContentRootPath))!;
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
        }

        // In memory (demo data, tests) nothing outlives the process anyway.
    }
}
