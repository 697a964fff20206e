namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class RedactionTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    /// <summary>Everything in Domain.Request that only coordinators and the assigned volunteer may see.</summary>
    private static readonly string[] Private =
        ["Maria Lopez", "07700", "maria@example.org", "12 Elm Street", "Flat 3", "51.523456", "-0.087654", "Wheelchair", "ring twice"];

    [Fact]
    public async Task No_public_channel_carries_contact_details_or_the_exact_location()
    {
        var region = Domain.NewSlug("region");
        var hub = await domain.NewHub(region);
        var (observer, reference, _) = await TestBoardObserver.Subscribe(fixture.Grains, hub);

        var id = Guid.NewGuid();
        var created = await domain.RequestGrain(id).Create(Domain.Request(hub, phone: "07700 900123"));
        Assert.True(created.IsOk);
        var privateJson = JsonSerializer.Serialize(created.Value);
        Assert.All(Private, p => Assert.Contains(p, privateJson)); // the private view really holds them

        var summary = (await domain.RequestGrain(id).GetSummary())!;
        Assert.Equal(new GeoPoint(51.52, -0.09), summary.ApproximateLocation);
        Assert.True(summary.HasAccessibilityNeeds);
        var snapshot = await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == id));
        await domain.RequestGrain(id).Escalate(new EscalateCommand(1, Domain.Sam, region, "no one free"));
        var overview = (await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (observer.Deltas.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(observer.Deltas.Count >= 2);

        foreach (var (channel, payload) in new (string, object)[]
        {
            ("summary", summary), ("snapshot", snapshot), ("deltas", observer.Deltas.ToArray()), ("region", overview),
        })
        {
            var json = JsonSerializer.Serialize(payload);
            Assert.Contains(id.ToString(), json); // the request is there…
            Assert.All(Private, p => Assert.False(json.Contains(p, StringComparison.Ordinal), $"{channel} leaks '{p}'")); // …its private fields are not
        }

        await domain.Hub(hub).Unsubscribe(reference);
    }
}
