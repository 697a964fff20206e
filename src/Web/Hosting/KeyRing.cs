using Microsoft.AspNetCore.DataProtection;
using MutualAid.Silo.Hosting;

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

    /// <param name="redis">The front-ends' Redis connection, when they have one.</param>
    public static void AddMutualAidKeyRing(this WebApplicationBuilder builder, MutualAidOptions options, RedisConnection? redis)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var keys = builder.Services.AddDataProtection().SetApplicationName("MutualAid");
        if (options.Clustering == ClusteringKind.Redis && redis is not null)
        {
            keys.PersistKeysToStackExchangeRedis(redis.Database, RedisKey);
        }
        else if (options.Storage == StorageKind.Sqlite)
        {
            var folder = Path.GetDirectoryName(MutualAidHostingExtensions.DatabasePath(options, builder.Environment.ContentRootPath))!;
            keys.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "keys")));
        }

        // In memory (demo data, tests) nothing outlives the process anyway.
    }
}
