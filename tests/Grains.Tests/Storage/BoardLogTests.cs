using MutualAid.Board;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// The board is stored as a whole board written now and then plus a log of the rows each write
/// changed, so a write no longer carries every open request, mark and volunteer row. Judged by what
/// the SQLite store holds and by what a fresh activation shows.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class BoardLogTests : SqliteRestartTest
{
    [Fact]
    public async Task A_busy_board_is_stored_mostly_as_logged_rows_and_a_restart_shows_it_exactly_as_it_stood()
    {
        BoardSnapshot before;
        string hub;
        await using (var cluster = await Start("svc"))
        {
            var domain = new Domain(cluster.Client);
            hub = await domain.NewHub();
            var volunteers = new List<Guid>();
            for (var i = 0; i < 12; i++) volunteers.Add((await domain.NewVolunteer(hub, $"Volunteer {i}", maxAssignments: 50, maxHours: 80)).Id);
            var offer = await domain.NewOffer(hub);
            var closedOffer = await domain.NewOffer(hub);
            var requests = new List<RequestView>();
            for (var i = 0; i < 80; i++) requests.Add(await domain.NewRequest(hub));
            // Busy: far more rows change than any log holds, so the board is written whole whenever the log is full.
            for (var i = 0; i < 29; i++) await domain.Deliver(requests[i], volunteers[i % volunteers.Count]);
            for (var i = 30; i < 39; i++) Assert.True((await domain.RequestGrain(requests[i].Id).Cancel(new RequestCommand(requests[i].Version, Domain.Sam, "sorted"))).IsOk);
            await domain.WaitForBoard(hub, b => b.Counts.Count(RequestStatus.Fulfilled) == 29 && b.Counts.Count(RequestStatus.Cancelled) == 9
                && b.Requests.Count == 42 && b.Volunteers.Count == 12 && b.Offers.Count == 2);

            // How the busy part's notices fell into batches decides which write was its last, logged or
            // whole. A change of settings is always written whole (settings are never logged) and
            // leaves an empty log with room for far more rows than the changes after it, so whatever
            // the batching those are logged, and the store holds a whole board plus a log to replay.
            Assert.True((await domain.Hub(hub).Configure(new HubSettings("Busy hub", null), Domain.Sam)).IsOk);
            // After it, one of each kind of row: a delivery (a request leaves, a volunteer's row and the
            // day's count change), a cancellation, an assignment left so, and an offer withdrawn.
            await domain.Deliver(requests[29], volunteers[29 % volunteers.Count]);
            Assert.True((await domain.RequestGrain(requests[39].Id).Cancel(new RequestCommand(requests[39].Version, Domain.Sam, "sorted"))).IsOk);
            Assert.True((await domain.RequestGrain(requests[40].Id).Assign(new AssignCommand(requests[40].Version, Domain.Sam, volunteers[0]))).IsOk);
            Assert.True((await cluster.Client.GetGrain<IOfferGrain>(closedOffer.Id).Withdraw(new OfferCommand(closedOffer.Version, Domain.Sam, "not needed"))).IsOk);
            await domain.WaitForBoard(hub, b => b.Counts.Count(RequestStatus.Fulfilled) == 30 && b.Counts.Count(RequestStatus.Cancelled) == 10
                && b.Requests.Any(r => r.Id == requests[40].Id && r.AssignedVolunteerId == volunteers[0]) && b.Offers.All(o => o.Id != closedOffer.Id));
            before = await domain.Hub(hub).GetSnapshot();
            Assert.Contains(before.Offers, o => o.Id == offer.Id);
            await cluster.StopAllSilosAsync();
        }

        var grain = GrainId.Create("neighbourhood", hub);
        var stored = await Store.ReadRecord<HubState>("hub", grain);
        var whole = stored.State!;
        var log = await Store.Read<HubBoardLog>("hub-log", grain);
        // Written whole for the settings twice and, between them, whenever the log was full; the store's
        // version of a record counts its writes.
        var wholeWrites = int.Parse(stored.ETag!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(wholeWrites > 2, $"{wholeWrites} whole writes");
        // Most writes were logged.
        Assert.True(log.LastNumber > 4 * wholeWrites, $"{log.LastNumber} writes logged, {wholeWrites} whole");
        // The log holds only what came after the last whole write, every entry of it, and fewer rows than the board holds.
        Assert.NotEmpty(log.Entries);
        Assert.Equal(Enumerable.Range(1, (int)(log.LastNumber - whole.LoggedThrough)).Select(n => whole.LoggedThrough + n), log.Entries.Select(e => e.Number));
        var boardRows = whole.Open.Count + whole.Marks.Count + whole.Volunteers.Count + whole.Offers.Count;
        Assert.True(log.Entries.Sum(e => e.Rows) < boardRows, $"{log.Entries.Sum(e => e.Rows)} logged rows, {boardRows} on the board");

        await using (var cluster = await Start("svc"))
        {
            var after = await cluster.Client.GetGrain<IHubGrain>(hub).GetSnapshot();
            Assert.Equal(Shape(before), Shape(after));
            Assert.True(after.Version > before.Version);
            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task A_crash_after_the_whole_board_was_written_and_before_the_next_log_write_replays_only_the_later_entries()
    {
        const string slug = "board-crash";
        var grain = GrainId.Create("neighbourhood", slug);
        var (gone, kept, later) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;
        var keptRow = Domain.Summary(slug, kept, version: 3);
        // The whole board was written through entry 2: it holds the kept request and knows the other was cancelled.
        await Store.Write("hub", grain, new HubState
        {
            Settings = new HubSettings("Crashed hub", null),
            Version = 12,
            UpdatedAt = at,
            Open = { [kept] = keptRow },
            Marks = { [kept] = new RequestMark(3, RequestStatus.New) { At = at }, [gone] = new RequestMark(2, RequestStatus.Cancelled) { At = at } },
            LoggedThrough = 2,
        });
        // Entry 1 still shows the cancelled one open (older than the whole board); entry 3 came after it.
        await Store.Write("hub-log", grain, new HubBoardLog
        {
            Entries =
            [
                Entry(1, 11, new RequestRow(gone, new RequestMark(1, RequestStatus.New) { At = at }, Domain.Summary(slug, gone), null)),
                Entry(2, 12, new RequestRow(kept, new RequestMark(3, RequestStatus.New) { At = at }, keptRow, null)),
                Entry(3, 13, new RequestRow(later, new RequestMark(1, RequestStatus.New) { At = at }, Domain.Summary(slug, later), null)),
            ],
            LastNumber = 3,
        });

        await using var cluster = await Start("svc");
        var board = await cluster.Client.GetGrain<IHubGrain>(slug).GetSnapshot();
        Assert.Equal(new[] { kept, later }.Order(), board.Requests.Select(r => r.Id).Order());
        Assert.Equal(1, board.Counts.Count(RequestStatus.Cancelled));
        Assert.Equal(13 + HubGrain.UnkeptVersions + 1, board.Version); // entry 3's version, moved past on activation

        // The activation wrote the board whole, through entry 3: the next entry is numbered after it.
        await cluster.Client.GetGrain<IHubGrain>(slug).RequestChanged(new RequestNotice(Domain.Summary(slug, Guid.NewGuid()), null));
        await cluster.StopAllSilosAsync();
        var whole = await Store.Read<HubState>("hub", grain);
        var log = await Store.Read<HubBoardLog>("hub-log", grain);
        Assert.Equal(3, whole.LoggedThrough);
        Assert.Equal([4L], log.Entries.Select(e => e.Number));
    }

    private static BoardLogEntry Entry(long number, long version, RequestRow row) =>
        new(number, version, DateTimeOffset.UtcNow, [], default, default, 0, [row], [], []);

    /// <summary>What a coordinator sees, without the board version (an activation moves it on).</summary>
    private static string Shape(BoardSnapshot board)
    {
        var c = board.Counts;
        return System.Text.Json.JsonSerializer.Serialize(new object[]
        {
            board.Requests, board.Volunteers, board.Offers,
            c.ByStatus.Where(p => p.Value > 0).OrderBy(p => p.Key), c.OpenNeedsByCategory.OrderBy(p => p.Key), c.OpenOffersByCategory.OrderBy(p => p.Key),
            new[] { c.UnassignedCritical, c.VolunteersOnDuty, c.FulfilledToday, c.Overdue },
        });
    }
}
