namespace MutualAid.Accounts;

/// <summary>
/// PRIVATE: a sign-in account. Only the authentication service reads it (it holds the password
/// hash); everything else uses <see cref="UserSummary"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.UserAccount")]
public sealed record UserAccount(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string PasswordHash,
    [property: Id(3)] IReadOnlyList<RoleGrant> Roles,
    [property: Id(4)] int FailedLogins,
    [property: Id(5)] DateTimeOffset? LockedOutUntil,
    [property: Id(6)] DateTimeOffset CreatedAt)
{
    [Id(7)] public Guid? VolunteerId { get; init; }

    [Id(8)] public int SecurityStamp { get; init; }

    /// <summary>The interface language the person chose ("es"); applied again at every sign-in.</summary>
    [Id(9)] public string? Culture { get; init; }

    [Id(10)] public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>A network administrator switched the account off: no sign-in, no session.</summary>
    [Id(11)] public bool Disabled { get; init; }

    public UserSummary Summarise() => new(Email, DisplayName, Roles, VolunteerId) { LastSignInAt = LastSignInAt, Disabled = Disabled };
}

[GenerateSerializer, Immutable, Alias("MutualAid.UserSummary")]
public sealed record UserSummary(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<RoleGrant> Roles,
    [property: Id(3)] Guid? VolunteerId)
{
    [Id(4)] public DateTimeOffset? LastSignInAt { get; init; }

    [Id(5)] public bool Disabled { get; init; }

    /// <summary>Whether this account acts in <paramref name="grant"/> now: it holds it and is not disabled.</summary>
    public bool Holds(RoleGrant grant) => !Disabled && Roles.Contains(grant);
}

[GenerateSerializer, Immutable, Alias("MutualAid.LoginAttempt")]
public sealed record LoginAttempt(
    [property: Id(0)] bool LockedOut,
    [property: Id(1)] DateTimeOffset? LockedOutUntil,
    [property: Id(2)] int FailedLogins);
