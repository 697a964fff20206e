namespace MutualAid.Silo.Sqlite.Storage;

public sealed class SqliteGrainStorageOptions
{
    /// <summary>Full path of the database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Leave null for Orleans' own binary serializer, which honours [GenerateSerializer]/[Id] versioning.</summary>
    public Orleans.Storage.IGrainStorageSerializer? Serializer { get; set; }
}
