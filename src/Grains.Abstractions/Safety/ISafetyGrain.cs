using MutualAid.Requests;

namespace MutualAid.Safety;

/// <summary>
/// A hub's vetting (its checks, what categories need, each volunteer's records and their trail)
/// and its "do not pair" list. Key: the hub slug. A leaf: it answers request, hub and concern
/// grains and never calls any grain, so no call through it can form a cycle.
/// </summary>
[Alias("MutualAid.ISafetyGrain")]
public interface ISafetyGrain : IGrainWithStringKey
{
    /// <summary>The hub's checks and requirements; the defaults until a coordinator changes them.</summary>
    [Alias("GetPolicy")] Task<VettingPolicy> GetPolicy();

    [Alias("SetPolicy")] Task<Result<VettingPolicy>> SetPolicy(VettingPolicy policy, Actor actor);

    /// <summary>Records a check seen; the expiry is the one given, else the check's validity from the day seen.</summary>
    [Alias("RecordCheck")] Task<Result<VolunteerVetting>> RecordCheck(Guid volunteerId, string check, DateTimeOffset seenOn, DateTimeOffset? expiresAt, Actor actor);

    [Alias("GetVetting")] Task<VolunteerVetting> GetVetting(Guid volunteerId);

    /// <summary>Who recorded which of this volunteer's checks, oldest first.</summary>
    [Alias("GetAudit")] Task<IReadOnlyList<AuditEntry>> GetAudit(Guid volunteerId);

    /// <summary>May this volunteer be put on a request of this category from this requester (their contact match key)?</summary>
    [Alias("Screen")] Task<Screening> Screen(Guid volunteerId, RequestCategory category, string? requesterKey);

    /// <summary>Of <paramref name="volunteers"/>, those who are vetted for the category and not kept apart from the requester.</summary>
    [Alias("Eligible")] Task<IReadOnlyList<Guid>> Eligible(RequestCategory category, string? requesterKey, IReadOnlyList<Guid> volunteers);

    /// <summary>
    /// As <see cref="Screen"/>, and not kept apart from any volunteer already on the job whom they
    /// would work beside (a pair's other volunteer).
    /// </summary>
    [Alias("ScreenBeside")] Task<Screening> ScreenBeside(Guid volunteerId, RequestCategory category, string? requesterKey, IReadOnlyList<Guid> beside);

    /// <summary>As <see cref="Eligible"/>, leaving out too those kept apart from a volunteer already on the job.</summary>
    [Alias("EligibleBeside")] Task<IReadOnlyList<Guid>> EligibleBeside(RequestCategory category, string? requesterKey, IReadOnlyList<Guid> beside, IReadOnlyList<Guid> volunteers);

    /// <summary>Matching and assignment will not put these two together; idempotent. Only a concern sets it.</summary>
    [Alias("KeepApart")] Task KeepApart(string partyA, string partyB, Guid concernId, Actor actor);
}
