namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// A board stored before marks were folded (a mark per request ever seen, no change times, no
/// folded counts) loads with the same counts and is compacted by its first write.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class OldHubStateTests : SqliteRestartTest
{
    [Fact]
    public async Task An_old_shape_hub_loads_with_its_counts_and_folds_its_closed_marks_on_activation()
    {
        const string slug = "old-shape";
        var grain = GrainId.Create("neighbourhood", slug);
        var at = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var old = new OldHubState { Settings = new HubSettings("Old hub", null), Version = 5_000, UpdatedAt = at };
        var closedIds = Enumerable.Range(0, HubGrain.KeptClosedMarks + 200).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in closedIds) old.Marks[id] = new OldRequestMark(4, RequestStatus.Fulfilled);
        var openId = Guid.NewGuid();
        old.Open[openId] = new RequestSummary(openId, 2, slug, RequestStatus.Triaged, RequestCategory.Food, Urgency.Normal, "Elm Street", "Food",
            RequestSource.PhoneIntake, at, at, "Sam");
        old.Marks[openId] = new OldRequestMark(2, RequestStatus.Triaged);
        await Store.Write("hub", grain, old);

        await using (var cluster = await Start("svc"))
        {
            var board = await cluster.Client.GetGrain<IHubGrain>(slug).GetSnapshot();
            Assert.Equal(closedIds.Length, board.Counts.Count(RequestStatus.Fulfilled));
            Assert.Equal(1, board.Counts.Count(RequestStatus.Triaged));
            Assert.Equal([openId], board.Requests.Select(r => r.Id));

            // Closed requests announcing themselves again (as they do when reactivated) are not counted twice.
            // Every closed one again: the kept are recognised by their marks, the folded by their time.
            await Task.WhenAll(closedIds.Select(id => cluster.Client.GetGrain<IHubGrain>(slug).RequestChanged(
                new RequestNotice(old.Open[openId] with { Id = id, Version = 4, Status = RequestStatus.Fulfilled }, null))));
            Assert.Equal(closedIds.Length, (await cluster.Client.GetGrain<IHubGrain>(slug).GetSnapshot()).Counts.Count(RequestStatus.Fulfilled));
            await cluster.StopAllSilosAsync();
        }

        var kept = await Store.Read<HubState>("hub", grain);
        Assert.Equal(HubGrain.KeptClosedMarks + 1, kept.Marks.Count); // the kept closed marks and the open one
        Assert.Equal(200, kept.Folded[RequestStatus.Fulfilled]);
        Assert.Equal(at, kept.FoldedUpTo);
    }

    [Fact]
    public async Task A_hub_stored_with_its_person_index_in_the_board_moves_it_to_its_own_state_and_still_finds_the_person()
    {
        const string slug = "old-people";
        var grain = GrainId.Create("neighbourhood", slug);
        var key = ContactDetails.PhoneKeyPrefix + "447700900111";
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var old = new HubState { Settings = new HubSettings("Old hub", null), Version = 40, UpdatedAt = DateTimeOffset.UtcNow };
        old.People[key] = [first, second];
        await Store.Write("hub", grain, old);

        await using (var cluster = await Start("svc"))
        {
            Assert.Equal([first, second], await cluster.Client.GetGrain<IHubGrain>(slug).FindRequestsByContact(key));
            await cluster.StopAllSilosAsync();
        }

        var board = await Store.Read<HubState>("hub", grain);
        Assert.Empty(board.People);
        var people = await Store.Read<HubPeopleState>("hub-people", grain);
        Assert.Equal([first, second], people.People[key]);
    }

    [Fact]
    public async Task A_hub_stored_with_a_time_per_fulfilment_and_a_list_of_changes_counts_today_and_drops_both_lists()
    {
        const string slug = "old-fulfilments";
        var grain = GrainId.Create("neighbourhood", slug);
        var now = DateTimeOffset.UtcNow;
        var old = new HubState { Settings = new HubSettings("Old hub", null), Version = 40, UpdatedAt = now };
        old.RecentFulfilments.AddRange([now.AddDays(-1), new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), now]); // yesterday's does not count (UTC hub)
        old.RecentlyChanged[Guid.NewGuid()] = now;
        await Store.Write("hub", grain, old);

        await using (var cluster = await Start("svc"))
        {
            Assert.Equal(2, (await cluster.Client.GetGrain<IHubGrain>(slug).GetSnapshot()).Counts.FulfilledToday);
            await cluster.StopAllSilosAsync();
        }

        var board = await Store.Read<HubState>("hub", grain);
        Assert.Empty(board.RecentFulfilments);
        Assert.Empty(board.RecentlyChanged);
        Assert.Equal(2, board.FulfilledThatDay);
    }
}

/// <summary>The hub board's shape before marks were folded: the same ids, nothing from 70 on.</summary>
[GenerateSerializer, Alias("MutualAid.Grains.Tests.Storage.OldHubState")]
public sealed class OldHubState
{
    [Id(0)] public HubSettings? Settings { get; set; }
    [Id(1)] public long Version { get; set; }
    [Id(2)] public Dictionary<Guid, RequestSummary> Open { get; set; } = [];
    [Id(3)] public Dictionary<Guid, OldRequestMark> Marks { get; set; } = [];
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A mark as it was kept before its change time was.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Grains.Tests.Storage.OldRequestMark")]
public sealed record OldRequestMark([property: Id(0)] int Version, [property: Id(1)] RequestStatus Status);
