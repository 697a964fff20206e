using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MutualAid.Silo.Hosting;
using MutualAid.Silo.Sqlite.Storage;
using Orleans.Storage;

namespace MutualAid.Silo.Sqlite.Migration;

/// <summary>
/// `dotnet run --project src/Silo -- migrate --from-sqlite data/mutualaid.db --to-redis 127.0.0.1:6379`:
/// copies every grain's state from the embedded SQLite file into Redis, for moving a network from
/// one machine to a cluster. Run it with the app stopped. State already in Redis is left alone, so
/// running it twice is harmless; it reports how many it copied, skipped and could not read.
/// The caller adds the application to the private silo (<c>addApp</c>), so the Redis side is
/// configured exactly as the cluster's silos configure it and this project needs no silo of its own.
/// </summary>
public static class MigrateCommand
{
    private const string Source = "migration-source";

    public sealed record Report(int Copied, int Skipped, IReadOnlyList<string> Failed)
    {
        public int Reminders { get; init; }
    }

    public static bool Matches(string[] args) => args is ["migrate", ..];

    public static async Task<int> Run(string[] args, TextWriter output, Action<ISiloBuilder, IConfiguration, string> addApp)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var sqlite = Arg("--from-sqlite");
        var redis = Arg("--to-redis");
        var serviceId = Arg("--service-id") ?? "mutualaid";
        if (sqlite is null || redis is null)
        {
            await output.WriteLineAsync("usage: migrate --from-sqlite <path/to/mutualaid.db> --to-redis <redis connection> [--service-id mutualaid]");
            return 2;
        }

        if (!File.Exists(sqlite)) throw new StartupException($"There is no database at '{sqlite}'.");
        var report = await Copy(Path.GetFullPath(sqlite), redis, serviceId, addApp);
        await output.WriteLineAsync($"copied {report.Copied}, already in Redis {report.Skipped}, unreadable {report.Failed.Count}; {report.Reminders} pending deadline(s) moved");
        foreach (var failure in report.Failed) await output.WriteLineAsync("  " + failure);
        return report.Failed.Count == 0 ? 0 : 1;
    }

    public static async Task<Report> Copy(string sqlitePath, string redis, string serviceId, Action<ISiloBuilder, IConfiguration, string> addApp)
    {
        ArgumentNullException.ThrowIfNull(addApp);
        // A private one-silo host whose default store is Redis, with the SQLite file as a second store.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MutualAid:Storage"] = "Redis",
            ["MutualAid:Reminders"] = "Redis",
            ["MutualAid:Redis"] = redis,
            ["MutualAid:ServiceId"] = serviceId,
            ["MutualAid:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MutualAid:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo =>
        {
            addApp(silo, builder.Configuration, builder.Environment.ContentRootPath);
            silo.AddSqliteGrainStorage(Source, o => o.DatabasePath = sqlitePath);
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var source = (SqliteGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(Source);
            var target = host.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            var copy = typeof(MigrateCommand).GetMethod(nameof(CopyOne), BindingFlags.NonPublic | BindingFlags.Static)!;
            int copied = 0, skipped = 0;
            var failed = new List<string>();
            await foreach (var row in source.ReadAll())
            {
                var type = StateType(row.StateType);
                if (type is null)
                {
                    failed.Add($"{row.GrainId} {row.StateName}: unknown state type {row.StateType}");
                    continue;
                }

                var done = await (Task<bool>)copy.MakeGenericMethod(type).Invoke(null, [source, target, row])!;
                if (done) copied++;
                else skipped++;
            }

            // Pending deadlines too, so a request waiting for a volunteer still escalates on time.
            using var reminders = new Reminders.SqliteReminderTable(new Reminders.SqliteReminderTableOptions { DatabasePath = sqlitePath },
                Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.ClusterOptions { ServiceId = serviceId }));
            await reminders.Init();
            var targetReminders = host.Services.GetRequiredService<IReminderTable>();
            var moved = 0;
            foreach (var entry in (await reminders.ReadRows(0u, 0u)).Reminders)
            {
                await targetReminders.UpsertRow(new ReminderEntry { GrainId = entry.GrainId, ReminderName = entry.ReminderName, StartAt = entry.StartAt, Period = entry.Period });
                moved++;
            }

            return new Report(copied, skipped, failed) { Reminders = moved };
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<bool> CopyOne<T>(IGrainStorage source, IGrainStorage target, StoredGrainState row)
    {
        var grain = GrainId.Parse(row.GrainId, System.Globalization.CultureInfo.InvariantCulture);
        var existing = new GrainState<T>();
        await target.ReadStateAsync(row.StateName, grain, existing);
        if (existing.RecordExists) return false;
        var state = new GrainState<T>();
        await source.ReadStateAsync(row.StateName, grain, state);
        await target.WriteStateAsync(row.StateName, grain, new GrainState<T>(state.State));
        return true;
    }

    /// <summary>State types live in the application's assemblies, which the host has loaded by now.</summary>
    private static Type? StateType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
