namespace MutualAid.Silo.Sqlite.Storage;

/// <summary>One row of the store as it is on disk, for copying every grain's state elsewhere.</summary>
public sealed record StoredGrainState(string GrainId, string StateName, string StateType, byte[] Payload, string ETag);
