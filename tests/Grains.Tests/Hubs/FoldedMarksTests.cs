namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// A hub folds the marks of requests no longer on its board into counts, beyond the newest
/// <see cref="HubGrain.KeptClosedMarks"/>, so its write does not grow with every request it has
/// seen; the counts, the board and what it ignores stay as they were.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FoldedMarksTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Counts_stay_exact_when_closed_requests_fold_and_a_folded_request_repeats_or_is_reopened()
    {
        var hub = await domain.NewHub();
        var closed = HubGrain.KeptClosedMarks + 20;
        async Task<Guid> Closed(int i)
        {
            var request = await domain.NewRequest(hub, phone: "07700 " + (100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var result = await domain.RequestGrain(request.Id).Cancel(new RequestCommand(request.Version, Domain.Sam, "sorted"));
            Assert.True(result.IsOk, result.Message);
            return request.Id;
        }

        // The first closes before all the others, so it is among the oldest marks, which fold first.
        var ids = new List<Guid> { await Closed(0) };
        for (var batch = 1; batch < closed; batch += 50)
        {
            ids.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, closed - batch)).Select(Closed)));
        }

        var open = await domain.NewRequest(hub);
        var board = await domain.WaitForBoard(hub, b => b.Counts.Count(RequestStatus.Cancelled) == closed && b.Requests.Any(r => r.Id == open.Id), TimeSpan.FromSeconds(60));
        Assert.Equal(1, board.Counts.Count(RequestStatus.New));

        // A handover reads the marks: every open request and the newest closures kept, the oldest folded away.
        // The board above may be a snapshot of changes whose write (which folds) is still to run.
        IReadOnlyList<Guid> changed = [];
        await Wait.Until(async () => (changed = await domain.Hub(hub).ChangedSince(DateTimeOffset.MinValue)).Count == HubGrain.KeptClosedMarks + 1,
            "the hub keeps the newest closed marks and its open request once its last write has folded the rest");
        Assert.Equal(open.Id, changed[^1]);
        Assert.DoesNotContain(ids[0], changed);

        // The first request closed long enough ago to have folded: its cancellation announced again is not counted twice.
        var first = (await domain.RequestGrain(ids[0]).GetView())!;
        await domain.Hub(hub).RequestChanged(new RequestNotice(first.Redact(), first.Contact.MatchKey()));
        Assert.Equal(closed, (await domain.Hub(hub).GetSnapshot()).Counts.Count(RequestStatus.Cancelled));

        // Reopened, it leaves the cancelled count for the reopened one and is back on the board.
        Assert.True((await domain.RequestGrain(first.Id).Reopen(new RequestCommand(first.Version, Domain.Sam, "They rang again"))).IsOk);
        board = await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == first.Id));
        Assert.Equal(closed - 1, board.Counts.Count(RequestStatus.Cancelled));
        Assert.Equal(1, board.Counts.Count(RequestStatus.Reopened));

        // The person's requests are still found after their marks folded (access and erasure need them).
        Assert.Contains(ids[1], await domain.Hub(hub).FindRequestsByContact(new ContactDetails("x", "07700 100001", null, null).MatchKey()!));
    }
}
