using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using MutualAid.Silo.Sqlite.Reminders;
using MutualAid.Silo.Sqlite.Storage;
using StackExchange.Redis;

namespace MutualAid.Silo.Hosting;

public static class MutualAidHostingExtensions
{
    /// <summary>
    /// Configures a silo from the "MutualAid" section: clustering, the default grain store and
    /// reminders. Shared by the standalone silo, the co-hosted web process and the tests.
    /// </summary>
    public static ISiloBuilder AddMutualAid(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = ReadOptions(configuration);
        silo.Services.AddSingleton(Options.Create(options));
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<Notifications.OutboxOptions>().Bind(configuration.GetSection(Notifications.OutboxOptions.Section))
            .Validate(o => o.IsValid(), "Notifications: quiet hours need a start and an end that differ; Lease 5 s-1 h, MaxAttempts 1-50, FirstBackOff 1 s-1 h, KeepDays 1-365, KeepAtMost 10-100000, KeepWhole 10-100000.")
            .ValidateOnStart();
        silo.Services.AddMutualAidDeadlines(configuration);
        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.AddIncomingGrainCallFilter<Diagnostics.CommandMetricsFilter>();
        // A command's trace continues from the web request or circuit event into the grains it calls.
        if (TelemetryOptions.From(configuration).Tracing) silo.AddActivityPropagation();
        if (options.Dashboard) silo.AddDashboard();

        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                break;
            case ClusteringKind.Redis:
                silo.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(options));
                silo.UseFailoverTiming();
                silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                break;
        }

        if (options.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        silo.AddMutualAidGrainStorage(options, contentRoot);

        switch (options.EffectiveReminders)
        {
            case RemindersKind.Memory:
                silo.UseInMemoryReminderService();
                break;
            case RemindersKind.Sqlite:
                silo.AddReminders();
                silo.Services.AddSingleton(new SqliteReminderTableOptions { DatabasePath = DatabasePath(options, contentRoot) });
                silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
                break;
            case RemindersKind.Redis:
                silo.UseRedisReminderService(o => o.ConfigurationOptions = RedisOptions(options));
                break;
        }

        return silo.AllowHubNoticeReminders();
    }

    /// <summary>
    /// Lets entities keep the few-second "a board may not have my latest state" reminder that makes
    /// board notices survive a crash (see HubDelivery). Orleans refuses reminder periods under a
    /// minute unless told; these run only until the boards confirm, so they stay few. Every silo
    /// that hosts request, volunteer or offer grains needs it, test silos and production included.
    /// </summary>
    public static ISiloBuilder AllowHubNoticeReminders(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<Orleans.Hosting.ReminderOptions>(o =>
        {
            if (o.MinimumReminderPeriod > Hubs.HubDelivery.ReminderPeriod) o.MinimumReminderPeriod = Hubs.HubDelivery.ReminderPeriod;
        });
        // Orleans then warns at every start that such reminders are "unsuitable for production use": it
        // means reminders that tick for ever, and these are disarmed once the boards confirm. The one
        // warning it logs, about this deliberate choice, would only teach operators to skip warnings.
        silo.Services.Configure<LoggerFilterOptions>(o => o.AddFilter(FastReminderWarning, LogLevel.Error));
        return silo;
    }

    /// <summary>The Orleans logger whose only warning is the one about reminder periods under a minute.</summary>
    private const string FastReminderWarning = "Orleans.Hosting.ReminderOptionsValidator";

    /// <summary>The MutualAid:Deadlines settings, checked at start-up so a typo stops the app instead of changing its clock.</summary>
    public static IServiceCollection AddMutualAidDeadlines(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section))
            .Validate(o => o.IsValid(), DeadlineOptions.Rule)
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The default grain store <paramref name="options"/> name, exactly as the app configures it
    /// (tests that host their own cluster use it so they read what the app and the migration write).
    /// </summary>
    public static ISiloBuilder AddMutualAidGrainStorage(this ISiloBuilder silo, MutualAidOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorageAsDefault(o => o.Configure<Serializer>(UseOrleansBinary));
                break;
            case StorageKind.Sqlite:
                SqliteGrainStorage.Preflight(DatabasePath(options, contentRoot));
                silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = DatabasePath(options, contentRoot));
                break;
            case StorageKind.Redis:
                silo.AddRedisGrainStorageAsDefault(o => o.Configure<Serializer>((redis, serializer) =>
                {
                    redis.ConfigurationOptions = RedisOptions(options);
                    UseOrleansBinary(redis, serializer);
                }));
                break;
        }

        return silo;
    }

    /// <summary>
    /// Configures a web process as an Orleans client of a cluster of standalone silos
    /// (MutualAid:Hosting=Client).
    /// </summary>
    public static IClientBuilder AddMutualAidClient(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var options = ReadOptions(configuration);
        client.Services.AddSingleton(Options.Create(options));
        client.Services.AddMutualAidDeadlines(configuration);
        client.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        if (TelemetryOptions.From(configuration).Tracing) client.AddActivityPropagation();
        if (options.Dashboard) client.AddDashboard();
        switch (options.Clustering)
        {
            case ClusteringKind.Localhost:
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
                break;
            case ClusteringKind.Redis:
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisOptions(options));
                break;
        }

        return client;
    }

    public static MutualAidOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MutualAidOptions();
        try
        {
            configuration.GetSection(MutualAidOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"The MutualAid configuration section is invalid: {ex.Message}", ex);
        }

        var problems = options.Problems().ToList();
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(options);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, context, results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => $"MutualAid:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }

        if (problems.Count > 0)
        {
            throw new StartupException("MutualAid cannot start with this configuration:\n  - " + string.Join("\n  - ", problems));
        }

        return options;
    }

    public static string DatabasePath(MutualAidOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder, options.SqliteFile));
    }

    /// <summary>
    /// Orleans' binary serializer instead of the providers' default Newtonsoft JSON: it honours the
    /// [Id] versioning our state types declare, and the JSON writer was the largest single CPU cost
    /// of a busy hub (docs/benchmarks.md). The SQLite store uses it already.
    /// </summary>
    internal static void UseOrleansBinary(IStorageProviderSerializerOptions storage, Serializer serializer) =>
        storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

    private static ConfigurationOptions RedisOptions(MutualAidOptions options)
    {
        try
        {
            var redis = ConfigurationOptions.Parse(options.Redis!);
            // Keep retrying while Redis restarts instead of failing the silo on the first refusal.
            redis.AbortOnConnectFail = false;
            return redis;
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"MutualAid:Redis '{options.Redis}' is not a valid Redis connection string: {ex.Message}", ex);
        }
    }
}
