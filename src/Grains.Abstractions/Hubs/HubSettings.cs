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
        Text.Require(errors, nameof(Name), Name, 100, "Give the hub a name.");
        if (RegionSlug is not null && !Slug.IsValid(RegionSlug)) errors.Add(new(nameof(RegionSlug), "Region keys are lower-case letters, digits and dashes."));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _)) errors.Add(new(nameof(TimeZoneId), $"Unknown time zone '{TimeZoneId}'."));
        errors.AddRange(Deadlines?.Validate() ?? [new FieldError(nameof(Deadlines), "Deadlines are required.")]);
        return errors;
    }
}
