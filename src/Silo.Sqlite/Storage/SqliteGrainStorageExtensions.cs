using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace MutualAid.Silo.Sqlite.Storage;

public static class SqliteGrainStorageExtensions
{
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder silo, Action<SqliteGrainStorageOptions> configure) =>
        silo.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder silo, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteGrainStorageOptions();
        configure(options);
        silo.Services.AddGrainStorage(name, (services, key) => Create(services, key, options));
        return silo;
    }

    public static SqliteGrainStorage Create(IServiceProvider services, string name, SqliteGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteGrainStorage(
            name,
            options,
            options.Serializer ?? new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredService<IOptions<ClusterOptions>>(),
            services.GetRequiredService<ILogger<SqliteGrainStorage>>());
    }
}
