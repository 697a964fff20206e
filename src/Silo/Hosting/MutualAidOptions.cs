using System.ComponentModel.DataAnnotations;

namespace MutualAid.Silo.Hosting;

public enum StorageKind
{
    Sqlite,
    Memory,
    Redis,
}

public enum ClusteringKind
{
    Localhost,
    Redis,
}

public enum RemindersKind
{
    Memory,
    Sqlite,
    Redis,
}

public enum HostingKind
{
    /// <summary>The web process runs its own silo (one machine).</summary>
    CoHosted,
    /// <summary>The web process is an Orleans client of a cluster of standalone silos.</summary>
    Client,
}

/// <summary>The "MutualAid" configuration section: how this process stores and finds grains.</summary>
public sealed class MutualAidOptions
{
    public const string Section = "MutualAid";

    /// <summary>Grain state store. Sqlite (default) needs nothing installed; Memory is for tests and benchmarks.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Sqlite;

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>
    /// Reminder table (durable deadlines). Unset means: beside the grain state — the SQLite file on
    /// one machine, Redis in a cluster, memory only when the state itself is in memory.
    /// </summary>
    public RemindersKind? Reminders { get; set; }

    public RemindersKind EffectiveReminders => Reminders ?? Storage switch
    {
        StorageKind.Sqlite => RemindersKind.Sqlite,
        StorageKind.Redis => RemindersKind.Redis,
        _ => RemindersKind.Memory,
    };

    /// <summary>Only read by the web process.</summary>
    public HostingKind Hosting { get; set; } = HostingKind.CoHosted;

    /// <summary>StackExchange.Redis connection string, e.g. "127.0.0.1:6379". Required when anything uses Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Running as pods: Orleans' Kubernetes hosting takes the silo's name, address and cluster ids
    /// from the pod (POD_NAME, POD_NAMESPACE, POD_IP and the orleans/* labels) and removes dead pods
    /// from membership.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// The Orleans Dashboard (grains, silos, reminders live), for network administrators at
    /// /admin/orleans. It profiles every grain call, so a network chasing its last percent can turn it off.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Address other silos and clients reach this silo on (cluster mode). Defaults to loopback.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Folder for the embedded store (relative paths are under the content root).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>File name of the SQLite database inside <see cref="DataFolder"/>.</summary>
    [Required]
    public string SqliteFile { get; set; } = "mutualaid.db";

    /// <summary>Orleans cluster and service ids: silos only form a cluster with the same pair.</summary>
    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ClusterId { get; set; } = "mutualaid";

    [Required, RegularExpression("^[A-Za-z0-9._-]{1,64}$")]
    public string ServiceId { get; set; } = "mutualaid";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Create the demo region, hubs, volunteers, offers and requests at start-up when empty.</summary>
    public bool SeedDemo { get; set; }

    /// <summary>Validates combinations that data annotations cannot express.</summary>
    public IEnumerable<string> Problems()
    {
        var usesRedis = Storage == StorageKind.Redis || Clustering == ClusteringKind.Redis || EffectiveReminders == RemindersKind.Redis;
        if (usesRedis && string.IsNullOrWhiteSpace(Redis))
        {
            yield return "MutualAid:Redis (a connection string such as 127.0.0.1:6379) is required when storage, clustering or reminders use Redis.";
        }

        if (Clustering == ClusteringKind.Redis)
        {
            if (Storage == StorageKind.Sqlite)
            {
                yield return "The SQLite store is one machine's file and cannot be shared by a cluster: use MutualAid:Storage=Redis with MutualAid:Clustering=Redis.";
            }
            else if (Storage == StorageKind.Memory)
            {
                yield return "Memory storage in a cluster loses a grain's state whenever it moves to another silo: use MutualAid:Storage=Redis with MutualAid:Clustering=Redis.";
            }

            if (EffectiveReminders != RemindersKind.Redis)
            {
                yield return "A cluster needs durable reminders shared by every silo: set MutualAid:Reminders=Redis with MutualAid:Clustering=Redis.";
            }
        }

        if (EffectiveReminders == RemindersKind.Sqlite && Clustering != ClusteringKind.Localhost)
        {
            yield return "SQLite reminders live in one machine's file: use MutualAid:Reminders=Redis in a cluster.";
        }

        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            yield return $"MutualAid:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.";
        }

        if (SiloPort == GatewayPort)
        {
            yield return "MutualAid:SiloPort and MutualAid:GatewayPort must differ.";
        }
    }
}
