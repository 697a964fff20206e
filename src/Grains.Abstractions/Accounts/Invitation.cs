namespace MutualAid.Accounts;

/// <summary>What an invitation link grants. The link's token itself is never stored, only its hash.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Invitation")]
public sealed record Invitation(
    [property: Id(0)] RoleGrant Grant,
    [property: Id(1)] string? Email,
    [property: Id(2)] DateTimeOffset ExpiresAt,
    [property: Id(3)] Actor CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    [Id(5)] public DateTimeOffset? RedeemedAt { get; init; }

    [Id(6)] public string? RedeemedBy { get; init; }

    /// <summary>An existing (e.g. imported) volunteer the new account binds to, instead of a new one.</summary>
    [Id(7)] public Guid? VolunteerId { get; init; }

    [Id(8)] public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A single-use, expiring invitation, keyed by the SHA-256 of its token.</summary>
[Alias("MutualAid.IInvitationGrain")]
public interface IInvitationGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<Result<Invitation>> Create(Invitation invitation);

    [Alias("Peek")] Task<Invitation?> Peek();

    /// <summary>Marks the invitation used by this email; refused when expired, used, revoked or meant for someone else.</summary>
    [Alias("Redeem")] Task<Result<Invitation>> Redeem(string email);

    /// <summary>Withdraws a link not yet used; afterwards it answers like a link that never existed.</summary>
    [Alias("Revoke")] Task<Result<Invitation>> Revoke(Actor actor);
}
