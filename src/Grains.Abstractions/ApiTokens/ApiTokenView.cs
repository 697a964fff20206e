namespace MutualAid.ApiTokens;

/// <summary>
/// A token as the team page lists it. It never carries the secret nor its hash: once issued, the
/// token cannot be shown again, only revoked.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ApiTokenView")]
public sealed record ApiTokenView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Hub,
    [property: Id(2)] string Name,
    [property: Id(3)] ApiTokenScope Scope,
    [property: Id(4)] Actor CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? LastUsedAt,
    [property: Id(7)] Actor? RevokedBy,
    [property: Id(8)] DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}
