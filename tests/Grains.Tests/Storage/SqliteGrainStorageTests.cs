namespace MutualAid.Grains.Tests.Storage;

public sealed class SqliteGrainStorageTests : SqliteRestartTest
{
    private string DatabasePath => Store.DatabasePath;

    private Task<SqliteGrainStorage> Open() => Store.Open();

    private static GrainState<RequestState> State(string need) => new(new RequestState
    {
        View = new RequestView(Guid.NewGuid(), 3, "north", RequestStatus.Triaged, RequestCategory.Food, Urgency.High, "Elm", need,
            new ContactDetails("Maria", "0770", null, null), RequestSource.PhoneIntake, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new Actor("a", "A")),
        Audit = [new AuditEntry(1, DateTimeOffset.UnixEpoch, new Actor("a", "A"), "created this", null)],
    });

    [Fact]
    public async Task State_round_trips_survives_reopening_and_clears()
    {
        var grain = GrainId.Create("request", "r1");
        var store = await Open();
        var written = State("rice");
        await store.WriteStateAsync("request", grain, written);
        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);
        written.State!.Audit.Add(new AuditEntry(2, DateTimeOffset.UnixEpoch, new Actor("b", "B"), "triaged this", "urgent"));
        await store.WriteStateAsync("request", grain, written);
        Assert.Equal("2", written.ETag);
        await store.DisposeAsync();

        var reopened = await Open();
        var read = new GrainState<RequestState>();
        await reopened.ReadStateAsync("request", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal("rice", read.State!.View!.Need);
        Assert.Equal(["created this", "triaged this"], read.State.Audit.Select(a => a.Action));
        Assert.Equal(written.State.View!.Id, read.State.View.Id);
        var rows = new List<StoredGrainState>();
        await foreach (var row in reopened.ReadAll()) rows.Add(row);
        Assert.Equal(typeof(RequestState).FullName, Assert.Single(rows).StateType);

        await reopened.ClearStateAsync("request", grain, read);
        var gone = new GrainState<RequestState>();
        await reopened.ReadStateAsync("request", grain, gone);
        Assert.False(gone.RecordExists);
        Assert.Null(gone.ETag);
        Assert.Null(gone.State!.View);
    }

    [Fact]
    public async Task A_write_or_clear_from_a_stale_etag_is_refused()
    {
        var grain = GrainId.Create("request", "r2");
        var store = await Open();
        var first = State("one");
        await store.WriteStateAsync("request", grain, first);
        var stale = new GrainState<RequestState>(first.State) { ETag = first.ETag };
        await store.WriteStateAsync("request", grain, first); // etag moves to 2

        var write = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("request", grain, stale));
        Assert.Contains("ETag '1'", write.Message);
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearStateAsync("request", grain, stale));
        var blind = State("blind"); // never read: no ETag, but a row exists
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("request", grain, blind));

        var read = new GrainState<RequestState>();
        await store.ReadStateAsync("request", grain, read);
        Assert.Equal("one", read.State!.View!.Need);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Writes_that_arrive_together_commit_together_and_a_refused_one_undoes_only_itself()
    {
        var store = await Open();
        var grains = Enumerable.Range(0, 200).Select(i => GrainId.Create("request", "together-" + i)).ToArray();
        var states = grains.Select((_, i) => State("first " + i)).ToArray();
        await Task.WhenAll(grains.Select((g, i) => store.WriteStateAsync("request", g, states[i])));
        var stale = states.Select(s => new GrainState<RequestState>(s.State) { ETag = s.ETag }).ToArray();
        for (var i = 0; i < grains.Length; i++) states[i].State!.View = states[i].State!.View! with { Need = "second " + i };
        var before = store.Transactions;

        // Every fifth grain also gets a write from an activation that missed the second: refused alone, mid-batch.
        var writes = grains.Select((g, i) => store.WriteStateAsync("request", g, states[i])).ToList();
        var refusals = grains.Select((g, i) => (g, i)).Where(x => x.i % 5 == 0)
            .Select(x => Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("request", x.g, stale[x.i]))).ToList();
        await Task.WhenAll(writes);
        await Task.WhenAll(refusals);

        Assert.InRange(store.Transactions - before, 1, grains.Length - 1);
        for (var i = 0; i < grains.Length; i++)
        {
            var read = new GrainState<RequestState>();
            await store.ReadStateAsync("request", grains[i], read);
            Assert.Equal("second " + i, read.State!.View!.Need);
            Assert.Equal("2", read.ETag);
            Assert.Equal("2", states[i].ETag);
        }
    }

    [Fact]
    public async Task A_corrupt_file_or_an_unusable_folder_fails_with_the_path_named()
    {
        Directory.CreateDirectory(Store.Folder);
        await File.WriteAllBytesAsync(DatabasePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 + 7)).ToArray());
        var corrupt = Assert.Throws<StartupException>(() => SqliteGrainStorage.Preflight(DatabasePath));
        Assert.Contains(DatabasePath, corrupt.Message);
        Assert.Contains("not a MutualAid database", corrupt.Message);

        var blocker = Path.Combine(Store.Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        var unusable = Assert.Throws<StartupException>(() => SqliteGrainStorage.Preflight(Path.Combine(blocker, "mutualaid.db")));
        Assert.Contains("Cannot create the data folder", unusable.Message);
    }
}
