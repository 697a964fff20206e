namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// Hub settings stored while deadlines and claim windows were two look-alike policy types must
/// still load now that both are one <see cref="UrgencyTimes"/>.
/// </summary>
public sealed class LegacyHubPoliciesTests : SqliteRestartTest
{
    [Fact]
    public async Task Settings_stored_with_the_two_policy_types_load_with_their_times_and_give_backs()
    {
        var settings = await Store.WrittenAsReadAs<OldHubSettings, HubSettings>("hub", GrainId.Create("hub", "legacy"), new("Harbour", "city")
        {
            TimeZoneId = "Europe/London",
            Deadlines = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(50), TimeSpan.FromHours(5), TimeSpan.FromHours(50)),
            Claims = new(TimeSpan.FromMinutes(20), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(9)) { GiveBacksPerHour = 3 },
        });

        Assert.Equal(("Harbour", "city", "Europe/London"), (settings.Name, settings.RegionSlug, settings.TimeZoneId));
        Assert.Equal(new UrgencyTimes(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(50), TimeSpan.FromHours(5), TimeSpan.FromHours(50)), settings.Deadlines);
        Assert.Equal(new UrgencyTimes(TimeSpan.FromMinutes(20), TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(9)), settings.ClaimWindows);
        Assert.Equal(HubSettings.DefaultGiveBacksPerHour, settings.AllowedGiveBacksPerHour);
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public async Task Settings_stored_before_claims_lapsed_read_the_default_claim_windows()
    {
        var settings = await Store.WrittenAsReadAs<OldHubSettings, HubSettings>("hub", GrainId.Create("hub", "older"), new("Meadow", null));

        Assert.Equal(UrgencyTimes.DefaultClaims, settings.ClaimWindows);
        Assert.Equal(HubSettings.DefaultGiveBacksPerHour, settings.AllowedGiveBacksPerHour);
    }
}

/// <summary>The settings' shape before one times type: the same ids, each policy its own type.</summary>
[GenerateSerializer, Alias("MutualAid.Grains.Tests.Storage.OldHubSettings")]
public sealed record OldHubSettings([property: Id(0)] string Name, [property: Id(1)] string? RegionSlug)
{
    [Id(2)] public string TimeZoneId { get; init; } = "UTC";

    [Id(3)] public OldDeadlinePolicy? Deadlines { get; init; }

    [Id(4)] public OldClaimPolicy? Claims { get; init; }
}

/// <summary>Under the alias the product gave it, so a written type name would show here as it would on disk.</summary>
[GenerateSerializer, Alias("MutualAid.DeadlinePolicy")]
public sealed record OldDeadlinePolicy(
    [property: Id(0)] TimeSpan Critical, [property: Id(1)] TimeSpan High, [property: Id(2)] TimeSpan Normal, [property: Id(3)] TimeSpan Low);

[GenerateSerializer, Alias("MutualAid.ClaimPolicy")]
public sealed record OldClaimPolicy(
    [property: Id(0)] TimeSpan Critical, [property: Id(1)] TimeSpan High, [property: Id(2)] TimeSpan Normal, [property: Id(3)] TimeSpan Low)
{
    [Id(4)] public int GiveBacksPerHour { get; init; }
}
