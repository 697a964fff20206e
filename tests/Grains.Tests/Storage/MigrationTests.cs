namespace MutualAid.Grains.Tests.Storage;

/// <summary>Moving a network from the embedded SQLite file to Redis (one machine → a cluster), against a real redis-server.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class MigrationTests(RedisServer redis) : SqliteRestartTest, IClassFixture<RedisServer>
{
    private static string redisConnection = "";
    private static void AddMutualAid(ISiloBuilder silo, Microsoft.Extensions.Configuration.IConfiguration configuration, string root) =>
        silo.AddMutualAid(configuration, root);

    [Fact]
    public async Task Every_grains_state_is_copied_once_and_reads_back_the_same_from_redis()
    {
        redisConnection = redis.Connection;
        var hub = "north";
        Guid volunteerId = Guid.NewGuid(), requestId = Guid.NewGuid();
        string before;
        int pendingNotices;
        await using (var embedded = await Start("mutualaid"))
        {
            var domain = new Domain(embedded.Client);
            await domain.NewHub("city", hub);
            await embedded.Client.GetGrain<IVolunteerGrain>(volunteerId).Register(Domain.Volunteer(hub, "Priya"), Domain.Sam);
            await domain.RequestGrain(requestId).Create(Domain.Request(hub));
            await domain.RequestGrain(requestId).Assign(new AssignCommand(1, Domain.Sam, volunteerId));
            await domain.RequestGrain(Guid.NewGuid()).Create(Domain.Request(hub, phone: "07700 900888")); // waiting: has a deadline
            await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.AssignedVolunteerId == volunteerId) && b.Volunteers.Any(v => v.ActiveAssignments == 1));
            before = await Describe(embedded.Client, hub, requestId, volunteerId);
            await embedded.StopAllSilosAsync();
        }

        // Entities whose boards had not yet confirmed their last notice when the silo stopped keep a
        // "hub-notice" reminder; it moves too (the board catches up after the move), besides the deadline.
        using (var table = new MutualAid.Silo.Sqlite.Reminders.SqliteReminderTable(new MutualAid.Silo.Sqlite.Reminders.SqliteReminderTableOptions { DatabasePath = Store.DatabasePath },
            Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.ClusterOptions { ServiceId = "mutualaid" })))
        {
            await table.Init();
            var pending = (await table.ReadRows(0u, 0u)).Reminders.ToArray();
            Assert.Equal(["deadline"], pending.Select(r => r.ReminderName).Where(n => n != "hub-notice"));
            pendingNotices = pending.Length - 1;
        }

        var first = await MigrateCommand.Copy(Store.DatabasePath, redis.Connection, "mutualaid", AddMutualAid);
        var second = await MigrateCommand.Copy(Store.DatabasePath, redis.Connection, "mutualaid", AddMutualAid);

        Assert.Empty(first.Failed);
        Assert.Equal(13, first.Copied); // hub (board, its log and person index), region, network directory, volunteer, two requests, their two reference-code index entries, the hub's outbox, the outbox directory and the hub's weekly figures
        Assert.Equal(1 + pendingNotices, first.Reminders); // the waiting request's deadline, and any pending board notice
        Assert.Equal((0, first.Copied), (second.Copied, second.Skipped)); // idempotent
        await using var clustered = await TestClusters.Start<RedisSilo>(serviceId: "mutualaid");
        Assert.Equal(before, await Describe(clustered.Client, hub, requestId, volunteerId));
        await clustered.StopAllSilosAsync();
    }


    private static async Task<string> Describe(IGrainFactory grains, string hub, Guid request, Guid volunteer) => JsonSerializer.Serialize(new object?[]
    {
        await grains.GetGrain<IRequestGrain>(request).GetView(),
        await grains.GetGrain<IRequestGrain>(request).GetAudit(),
        await grains.GetGrain<IVolunteerGrain>(volunteer).GetView(),
        // A hub activated from storage moves its version past what it kept; the board itself must match.
        Board.BoardProjectionTests.Canonical(await grains.GetGrain<IHubGrain>(hub).GetSnapshot() with { Version = 0 }),
    });

    private sealed class RedisSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMutualAidGrainStorage(new MutualAidOptions { Storage = StorageKind.Redis, Redis = redisConnection }, AppContext.BaseDirectory);
            siloBuilder.WithMemoryReminders(TimeProvider.System);
        }
    }
}
