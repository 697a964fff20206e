namespace MutualAid.Accounts;

/// <summary>A password-reset link for one account. The token is never stored, only its hash.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.PasswordReset")]
public sealed record PasswordReset(
    [property: Id(0)] string Email,
    [property: Id(1)] DateTimeOffset ExpiresAt,
    [property: Id(2)] Actor CreatedBy,
    [property: Id(3)] DateTimeOffset CreatedAt)
{
    [Id(4)] public DateTimeOffset? UsedAt { get; init; }
}

/// <summary>A single-use, expiring password-reset link, keyed by the SHA-256 of its token.</summary>
[Alias("MutualAid.IPasswordResetGrain")]
public interface IPasswordResetGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<Result<PasswordReset>> Create(PasswordReset reset);

    /// <summary>The reset while it can still be used; null when unknown, used or expired alike.</summary>
    [Alias("Peek")] Task<PasswordReset?> Peek();

    /// <summary>Marks the link used; refused (with one neutral message) when unknown, used or expired.</summary>
    [Alias("Use")] Task<Result<PasswordReset>> Use();
}
