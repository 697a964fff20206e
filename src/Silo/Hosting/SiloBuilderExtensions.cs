using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Storage;

namespace MutualAid.Silo.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Configures a silo from the "MutualAid" section: clustering, the default grain store and
    /// reminders. Shared by the standalone silo, the co-hosted web process and the tests.
    /// </summary>
    public static ISiloBuilder AddMutualAid(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        var options = ReadOptions(configuration);
        silo.Services.AddSingleton(Options.Create(options));
        silo.Services.AddSingleton(TimeProvider.System);

        silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);

        switch (options.Storage)
        {
            case StorageKind.Memory:
                silo.AddMemoryGrainStorageAsDefault();
                break;
            case StorageKind.Sqlite:
                var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataFolder));
                silo.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = Path.Combine(folder, options.SqliteFile));
                break;
            default:
                throw new StartupException($"MutualAid:Storage={options.Storage} is not supported yet.");
        }

        // Deadlines are re-armed from grain state on activation, so in-memory reminders lose nothing.
        silo.UseInMemoryReminderService();
        return silo;
    }

    public static MutualAidOptions ReadOptions(IConfiguration configuration)
    {
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
}
