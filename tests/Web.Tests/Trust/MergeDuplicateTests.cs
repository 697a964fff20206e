namespace MutualAid.Web.Tests.Trust;

public sealed class MergeDuplicateTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private Task<DispatchService> ActionsFor(string role) => world.As<DispatchService>(role);

    [Fact]
    public async Task A_coordinator_merges_a_flagged_duplicate_and_the_survivor_keeps_both_trails()
    {
        var grains = world.Factory.Grains;
        var phone = "07700 5" + Random.Shared.Next(10000, 99999);
        var first = await Seed.Request(grains, world.A, phone: phone);
        var second = await Seed.Request(grains, world.A, phone: phone);
        Assert.Equal([first.Id], second.PossibleDuplicateOf);
        await grains.GetGrain<IRequestGrain>(second.Id).Triage(new TriageCommand(second.Version, Seed.Sam, Urgency.High));

        var refused = await (await ActionsFor("dispatcher")).Merge(world.A, second.Id, first.Id);
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal(RequestStatus.Triaged, (await grains.GetGrain<IRequestGrain>(second.Id).GetView())!.Status);

        var coordinator = await ActionsFor("coordinator");
        var merged = await coordinator.Merge(world.A, second.Id, first.Id);
        Assert.True(merged.IsOk, merged.Message);

        var gone = (await grains.GetGrain<IRequestGrain>(second.Id).GetView())!;
        Assert.Equal(RequestStatus.Cancelled, gone.Status);
        Assert.Equal(first.Id, gone.MergedInto);
        var trail = await grains.GetGrain<IRequestGrain>(first.Id).GetAudit();
        Assert.Contains(trail, e => e.Action.StartsWith($"[{second.ReferenceCode}] created this", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action.StartsWith($"[{second.ReferenceCode}] triaged", StringComparison.Ordinal));
        Assert.Contains(trail, e => e.Action == $"merged duplicate {second.ReferenceCode} into this");
        Assert.Equal(trail.OrderBy(e => e.At).Select(e => e.Action), trail.Select(e => e.Action));

        // Running it again (say the first attempt was cut short) changes nothing.
        Assert.True((await coordinator.Merge(world.A, second.Id, first.Id)).IsOk);
        Assert.Equal(trail.Count, (await grains.GetGrain<IRequestGrain>(first.Id).GetAudit()).Count);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(world.A).GetSnapshot()).Requests.All(r => r.Id != second.Id),
            "the merged duplicate leaves the board");
    }
}
