namespace MutualAid.Accounts;

/// <summary>A link not yet used, as the team page lists it. Key is the SHA-256 of the token (never the token).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.PendingInvitation")]
public sealed record PendingInvitation(
    [property: Id(0)] string Key,
    [property: Id(1)] RoleGrant Grant,
    [property: Id(2)] string? Email,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] Actor CreatedBy,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] Guid? VolunteerId);

/// <summary>
/// The pending links of one place (key: the hub or region slug of the grant). The web tier keeps it
/// in step as it creates, redeems and revokes links; it calls no other grain.
/// </summary>
[Alias("MutualAid.IPendingInvitationsGrain")]
public interface IPendingInvitationsGrain : IGrainWithStringKey
{
    [Alias("Add")] Task Add(PendingInvitation invitation);

    [Alias("Remove")] Task Remove(string key);

    /// <summary>Links still usable; expired ones are dropped on the way.</summary>
    [Alias("List")] Task<IReadOnlyList<PendingInvitation>> List();
}
