using MutualAid.Common;

namespace MutualAid.Hubs;

[GenerateSerializer, Immutable, Alias("MutualAid.HubSettings")]
public sealed record HubSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] string? RegionSlug)
{
    /// <summary>IANA zone the hub's volunteers state their availability in.</summary>
    [Id(2)] public string TimeZoneId { get; init; } = "UTC";

    [Id(3)] public DeadlinePolicy Deadlines { get; init; } = DeadlinePolicy.Default;

    [Id(4)] public ClaimPolicy Claims { get; init; } = ClaimPolicy.Default;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, 100, Reason.GiveHubName);
        if (RegionSlug is not null && !Slug.IsValid(RegionSlug)) errors.Add(FieldError.Of(nameof(RegionSlug), Reason.RegionKeyShape));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _)) errors.Add(FieldError.Of(nameof(TimeZoneId), Reason.UnknownTimeZone, TimeZoneId));
        errors.AddRange(Deadlines?.Validate() ?? [FieldError.Of(nameof(Deadlines), Reason.DeadlinesRequired)]);
        return errors;
    }
}
