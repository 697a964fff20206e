using MutualAid.ApiTokens;

namespace MutualAid.Silo.ApiTokens;

/// <summary>One token as stored: its SHA-256 fingerprint, never the secret.</summary>
[GenerateSerializer, Alias("MutualAid.Silo.ApiTokenState")]
public sealed class ApiTokenState
{
    [Id(0)] public string? Hub { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public ApiTokenScope Scope { get; set; }
    [Id(3)] public byte[]? SecretHash { get; set; }
    [Id(4)] public Actor? CreatedBy { get; set; }
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public DateTimeOffset? LastUsedAt { get; set; }
    [Id(7)] public Actor? RevokedBy { get; set; }
    [Id(8)] public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Null only for a token stored before tokens had a lifetime: it lives until revoked, as it was promised.</summary>
    [Id(9)] public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>
    /// When the coordinators' warning that it ends soon was decided: set in the write that adds the
    /// message to <see cref="Outgoing"/>, so a repeated reminder or a restart never warns twice.
    /// </summary>
    [Id(10)] public DateTimeOffset? EndingWarnedAt { get; set; }

    /// <summary>The warning until the hub's outbox has acknowledged it (it names the token, never its secret).</summary>
    [Id(11)] public List<MutualAid.Notifications.OutboundMessage> Outgoing { get; set; } = [];

    /// <summary>Its warning's reminder was registered when it was issued; a token issued before warnings existed registers it when it next wakes.</summary>
    [Id(12)] public bool EndingArmed { get; set; }
}

/// <summary>
/// A hub's token ids: live ones, and the latest ended ones it still shows. An expired token stays in
/// <see cref="Live"/> until the cap needs its place; it is then moved to <see cref="Revoked"/>.
/// </summary>
[GenerateSerializer, Alias("MutualAid.Silo.HubApiTokensState")]
public sealed class HubApiTokensState
{
    [Id(0)] public List<Guid> Live { get; set; } = [];
    [Id(1)] public List<Guid> Revoked { get; set; } = [];
}
