namespace MutualAid.ApiTokens;

/// <summary>
/// A token as the team page lists it. It never carries the secret nor its hash: once issued, the
/// token cannot be shown again, only revoked. <see cref="Expired"/> is as of when the token grain
/// made the view, by its clock (the one that judges the token), so no reader needs a clock of its own;
/// <see cref="ExpiresAt"/> is null only for tokens stored before tokens had a lifetime. <see cref="EndsIn"/>,
/// by the same clock, is the time left once the token is in its warning window (<see cref="ApiTokenWarning"/>)
/// and still live; null otherwise.
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
    [property: Id(8)] DateTimeOffset? RevokedAt,
    [property: Id(9)] DateTimeOffset? ExpiresAt,
    [property: Id(10)] bool Expired)
{
    [Id(11)] public TimeSpan? EndsIn { get; init; }

    public bool Revoked => RevokedAt is not null;

    /// <summary>Revoked or expired: either way no request gets through with it any more.</summary>
    public bool Ended => Revoked || Expired;
}
