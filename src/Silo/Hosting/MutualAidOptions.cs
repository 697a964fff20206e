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

/// <summary>The "MutualAid" configuration section: how this process stores and finds grains.</summary>
public sealed class MutualAidOptions
{
    public const string Section = "MutualAid";

    /// <summary>Grain state store. Sqlite (default) needs nothing installed; Memory is for tests and benchmarks.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Sqlite;

    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

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
        if (Storage == StorageKind.Redis || Clustering == ClusteringKind.Redis)
        {
            yield return "Redis storage and clustering arrive with the cluster mode; use MutualAid:Storage=Sqlite or Memory with MutualAid:Clustering=Localhost.";
        }

        if (Storage == StorageKind.Sqlite && Clustering != ClusteringKind.Localhost)
        {
            yield return "The SQLite store is a single-machine file: it cannot be shared by a cluster. Use MutualAid:Storage=Redis with MutualAid:Clustering=Redis.";
        }
    }
}
