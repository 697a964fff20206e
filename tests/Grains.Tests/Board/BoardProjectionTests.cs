namespace MutualAid.Grains.Tests.Board;

[Collection(ClusterCollection.Name)]
public sealed class BoardProjectionTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task An_observer_sees_every_delta_in_order_and_snapshot_plus_deltas_reproduce_the_board()
    {
        var hub = await domain.NewHub();
        var (observer, reference, initial) = await TestBoardObserver.Subscribe(fixture.Grains, hub);

        var priya = await domain.NewVolunteer(hub, "Priya");
        var offer = await domain.NewOffer(hub, 10);
        var requests = new List<RequestView>();
        for (var i = 0; i < 6; i++) requests.Add(await domain.NewRequest(hub, urgency: (Urgency)(i % 4)));
        var r0 = domain.RequestGrain(requests[0].Id);
        var v = (await r0.Assign(new AssignCommand(1, Domain.Sam, priya.Id))).Value!;
        v = (await r0.Start(new RequestCommand(v.Version, Domain.Sam))).Value!;
        await r0.Fulfil(new FulfilCommand(v.Version, Domain.Sam, 1));
        await domain.RequestGrain(requests[1].Id).Cancel(new RequestCommand(1, Domain.Sam, "duplicate"));
        await domain.RequestGrain(requests[2].Id).Triage(new TriageCommand(1, Domain.Sam, Urgency.Critical));
        await fixture.Grains.GetGrain<IOfferGrain>(offer.Id).DrawDown(10, requests[3].Id, Domain.Sam);

        var final = await domain.WaitForBoard(hub, b =>
            b.Requests.Count == 4 && b.Offers.Count == 0 && b.Counts.FulfilledToday == 1
            && b.Volunteers.Any(x => x.ActiveAssignments == 0 && x.HoursThisWeek == 1));
        await Wait.Until(() => observer.Deltas.LastOrDefault()?.Version == final.Version, "the observer to catch up");

        var deltas = observer.Deltas.ToArray();
        Assert.Equal(0, observer.Sequencer.Pending);
        Assert.Equal(observer.Arrivals.Order(), deltas.Select(d => d.Version)); // every delta that arrived was released
        Assert.Equal(
            Enumerable.Range(0, deltas.Length).Select(i => initial.Version + 1 + i),
            deltas.Select(d => d.Version));
        var rebuilt = deltas.Aggregate(initial, (s, d) => BoardApplier.Apply(s, d) ?? throw new InvalidOperationException($"gap at {d.Version}"));
        Assert.Equal(Canonical(final), Canonical(rebuilt));

        Assert.Equal(requests[2].Id, final.Requests[0].Id); // triaged to critical: top of the board
        Assert.Equal(2, final.Counts.UnassignedCritical); // requests 2 (triaged up) and 4
        Assert.Equal(1, final.Counts.Count(RequestStatus.Fulfilled));
        Assert.Equal(1, final.Counts.Count(RequestStatus.Cancelled));

        await domain.Hub(hub).Unsubscribe(reference);
    }

    [Fact]
    public async Task Board_versions_strictly_increase_across_concurrent_writers()
    {
        var hub = await domain.NewHub();
        var (observer, reference, initial) = await TestBoardObserver.Subscribe(fixture.Grains, hub);

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => domain.NewRequest(hub)));
        var final = await domain.WaitForBoard(hub, b => b.Requests.Count == 40);
        await Wait.Until(() => observer.Deltas.LastOrDefault()?.Version >= final.Version, () => "the observer to catch up; arrived " + string.Join(",", observer.Arrivals));

        // A burst is group-committed, so there may be fewer deltas than changes, but the versions
        // have no holes and every request arrives exactly once.
        var versions = observer.Deltas.Select(d => d.Version).ToArray();
        Assert.Equal(Enumerable.Range(0, versions.Length).Select(i => initial.Version + 1 + i), versions);
        Assert.Equal(final.Version, versions[^1]);
        var shown = observer.Deltas.SelectMany(d => d.Changes).OfType<RequestUpserted>().Select(u => u.Request.Id).ToArray();
        Assert.Equal(created.Select(r => r.Id).Order(), shown.Order());
        Assert.Equal(0, observer.Sequencer.Pending);
        await domain.Hub(hub).Unsubscribe(reference);
    }

    [Fact]
    public async Task A_snapshot_taken_mid_burst_plus_the_later_deltas_is_the_final_board()
    {
        var hub = await domain.NewHub();
        var (observer, reference, _) = await TestBoardObserver.Subscribe(fixture.Grains, hub);

        var burst = Task.WhenAll(Enumerable.Range(0, 30).Select(_ => domain.NewRequest(hub)));
        var snapshots = new List<BoardSnapshot>();
        while (!burst.IsCompleted) snapshots.Add(await domain.Hub(hub).GetSnapshot());
        await burst;
        var final = await domain.WaitForBoard(hub, b => b.Requests.Count == 30);
        await Wait.Until(() => observer.Deltas.LastOrDefault()?.Version >= final.Version, () => "the observer to catch up; arrived " + string.Join(",", observer.Arrivals));

        Assert.NotEmpty(snapshots);
        foreach (var snapshot in snapshots)
        {
            var caughtUp = observer.Deltas.Where(d => d.Version > snapshot.Version)
                .Aggregate(snapshot, (b, d) => BoardApplier.Apply(b, d) ?? throw new InvalidOperationException($"gap after v{snapshot.Version} at {d.Version}"));
            Assert.Equal(final.Requests.Select(r => (r.Id, r.Version)).Order(), caughtUp.Requests.Select(r => (r.Id, r.Version)).Order());
            Assert.Equal(Canonical(final), Canonical(caughtUp));
        }

        await domain.Hub(hub).Unsubscribe(reference);
    }

    [Fact]
    public void The_sequencer_releases_in_order_and_reports_a_real_gap()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        BoardDelta D(long v) => new("h", v, [], BoardCounts.Empty);
        var sequencer = new DeltaSequencer(10);

        Assert.Empty(sequencer.Accept(D(12), t0));
        Assert.Empty(sequencer.Accept(D(10), t0)); // already in the snapshot
        Assert.Equal([11, 12], sequencer.Accept(D(11), t0).Select(d => d.Version));
        Assert.Empty(sequencer.Accept(D(14), t0));
        Assert.False(sequencer.HasGap(t0.AddMilliseconds(100), TimeSpan.FromSeconds(1)));
        Assert.True(sequencer.HasGap(t0.AddSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Equal([14], sequencer.Reset(13, t0).Select(d => d.Version));
        Assert.Equal(14, sequencer.Version);
        Assert.Equal(0, sequencer.Pending);
    }

    [Fact]
    public void A_version_the_hub_announced_is_awaited_and_is_a_gap_only_if_it_never_comes()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var patience = TimeSpan.FromSeconds(2);
        BoardDelta D(long v) => new("h", v, [], BoardCounts.Empty);
        var sequencer = new DeltaSequencer(10);

        // A refresh saw v12 while v11 and v12 were on their way: they arrive, and that is no gap.
        sequencer.Expect(12, t0);
        Assert.False(sequencer.HasGap(t0.AddSeconds(1), patience));
        Assert.Equal([11], sequencer.Accept(D(11), t0.AddSeconds(1)).Select(d => d.Version));
        Assert.True(sequencer.HasGap(t0.AddSeconds(3), patience));
        Assert.Equal([12], sequencer.Accept(D(12), t0.AddSeconds(3)).Select(d => d.Version));
        Assert.False(sequencer.HasGap(t0.AddSeconds(10), patience));

        // One that never comes (the hub restarted, or dropped this subscriber) is a gap after the patience,
        // and the resync's snapshot settles it.
        sequencer.Expect(20, t0.AddSeconds(10));
        Assert.False(sequencer.HasGap(t0.AddSeconds(11), patience));
        Assert.True(sequencer.HasGap(t0.AddSeconds(13), patience));
        Assert.Empty(sequencer.Reset(20, t0.AddSeconds(13)));
        Assert.False(sequencer.HasGap(t0.AddSeconds(30), patience));

        // A version the board already has is nothing to wait for.
        sequencer.Expect(20, t0.AddSeconds(30));
        Assert.False(sequencer.HasGap(t0.AddSeconds(60), patience));
    }

    [Fact]
    public void Apply_reports_a_gap_instead_of_guessing()
    {
        var snapshot = new BoardSnapshot("h", "H", null, 5, [], [], [], BoardCounts.Empty);
        Assert.Null(BoardApplier.Apply(snapshot, new BoardDelta("h", 7, [], BoardCounts.Empty)));
        Assert.Same(snapshot, BoardApplier.Apply(snapshot, new BoardDelta("h", 5, [], BoardCounts.Empty)));
        Assert.Equal(6, BoardApplier.Apply(snapshot, new BoardDelta("h", 6, [], BoardCounts.Empty))!.Version);
    }

    [Fact]
    public void A_merged_delta_applies_from_any_version_it_covers_to_the_board_the_steps_make()
    {
        RequestSummary R(Guid id, int version, RequestStatus status) => Domain.Summary("h", id, version, status);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var steps = new[]
        {
            new BoardDelta("h", 6, [new RequestUpserted(R(a, 1, RequestStatus.New))], BoardCounts.Empty),
            new BoardDelta("h", 7, [new RequestUpserted(R(b, 1, RequestStatus.New)), new RequestUpserted(R(a, 2, RequestStatus.Triaged))], BoardCounts.Empty),
            new BoardDelta("h", 8, [new RequestRemoved(a, RequestStatus.Cancelled)], BoardCounts.Empty with { FulfilledToday = 3 }),
        };
        var start = new BoardSnapshot("h", "H", null, 5, [], [], [], BoardCounts.Empty);
        var boards = new List<BoardSnapshot> { start };
        foreach (var step in steps) boards.Add(BoardApplier.Apply(boards[^1], step)!);

        var merged = BoardApplier.Merge(steps);

        Assert.Equal((6L, 8L), (merged.FirstVersion(), merged.Version));
        Assert.Equal([steps[1].Changes[0], steps[2].Changes[0]], merged.Changes); // each row once, as it last stood: b new, a gone
        // From the board before the first step, and from the boards after the first and second (a client that joined mid-burst).
        foreach (var board in boards.Take(3)) Assert.Equal(Canonical(boards[^1]), Canonical(BoardApplier.Apply(board, merged)!));
        Assert.Same(boards[^1], BoardApplier.Apply(boards[^1], merged));
        Assert.Null(BoardApplier.Apply(start with { Version = 4 }, merged)); // v5 missing: a gap
        Assert.Same(steps[0], BoardApplier.Merge(steps[..1])); // one delta goes as it is
        Assert.Throws<ArgumentException>(() => BoardApplier.Merge([steps[0], steps[2]]));
    }

    [Fact]
    public void The_sequencer_releases_a_merged_delta_once_the_board_reaches_a_version_it_covers()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        BoardDelta D(long from, long to) => new("h", to, [], BoardCounts.Empty) { From = from == to ? null : from };
        var sequencer = new DeltaSequencer(10);

        Assert.Empty(sequencer.Accept(D(12, 14), t0)); // v11 not yet here
        Assert.Equal([11, 14], sequencer.Accept(D(11, 11), t0).Select(d => d.Version));
        Assert.Empty(sequencer.Accept(D(13, 14), t0)); // all of it applied already
        Assert.Equal([16], sequencer.Accept(D(14, 16), t0).Select(d => d.Version)); // overlaps what the board has
        Assert.Equal(16, sequencer.Version);
        Assert.Equal(0, sequencer.Pending);
    }

    internal static string Canonical(BoardSnapshot s) => JsonSerializer.Serialize(new
    {
        s.HubSlug,
        s.Version,
        s.Requests,
        s.Volunteers,
        s.Offers,
        ByStatus = s.Counts.ByStatus.OrderBy(k => k.Key).ToArray(),
        Needs = s.Counts.OpenNeedsByCategory.OrderBy(k => k.Key).ToArray(),
        OfferCounts = s.Counts.OpenOffersByCategory.OrderBy(k => k.Key).ToArray(),
        s.Counts.UnassignedCritical,
        s.Counts.VolunteersOnDuty,
        s.Counts.FulfilledToday,
    });
}
