using MutualAid.Silo.Hubs;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// The person index is stored as a whole index written now and then plus a bounded log of recent
/// filings, so a new person's write does not grow with every person the hub has seen. Judged by
/// what the SQLite store holds and by what a fresh activation finds.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class PeopleLogTests : SqliteRestartTest
{
    [Fact]
    public async Task More_new_people_than_the_log_holds_write_the_whole_index_once_keep_the_log_short_and_are_all_found_after_a_restart()
    {
        const string slug = "people-log";
        var grain = GrainId.Create("neighbourhood", slug);
        var people = Enumerable.Range(0, HubGrain.PeopleLogLimit + 20).Select(i => (Id: Guid.NewGuid(), Key: ContactDetails.PhoneKeyPrefix + (447700000000 + i))).ToArray();
        await using (var cluster = await Start("svc"))
        {
            var hub = cluster.Client.GetGrain<IHubGrain>(slug);
            Assert.True((await hub.Configure(new HubSettings("People hub", null), Domain.Sam)).IsOk);
            foreach (var (id, key) in people) await hub.RequestChanged(new RequestNotice(Domain.Summary(slug, id), key));
            await cluster.StopAllSilosAsync();
        }

        var whole = await Store.Read<HubPeopleState>("hub-people", grain);
        var log = await Store.Read<HubPeopleLog>("hub-people-log", grain);
        Assert.Equal(HubGrain.PeopleLogLimit, whole.People.Count); // written whole once, when the log was full
        Assert.Equal(HubGrain.PeopleLogLimit, whole.LoggedThrough);
        Assert.Equal(people.Skip(HubGrain.PeopleLogLimit).Select(p => p.Id), log.Filed.Select(f => f.RequestId)); // only the newer ones
        Assert.Equal(people.Length, log.LastNumber);

        await using (var cluster = await Start("svc"))
        {
            var hub = cluster.Client.GetGrain<IHubGrain>(slug);
            foreach (var (id, key) in new[] { people[0], people[HubGrain.PeopleLogLimit - 1], people[HubGrain.PeopleLogLimit], people[^1] })
            {
                Assert.Equal([id], await hub.FindRequestsByContact(key));
            }

            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task A_crash_after_the_whole_index_was_written_and_before_the_log_was_pruned_neither_repeats_a_filing_nor_brings_back_a_dropped_key()
    {
        const string slug = "people-crash";
        var grain = GrainId.Create("neighbourhood", slug);
        var (kept, later, erased) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        const string keptKey = ContactDetails.PhoneKeyPrefix + "447700900001";
        const string laterKey = ContactDetails.PhoneKeyPrefix + "447700900002";
        const string erasedKey = ContactDetails.PhoneKeyPrefix + "447700900003";
        await Store.Write("hub", grain, new HubState { Settings = new HubSettings("Crashed hub", null), Version = 10, UpdatedAt = DateTimeOffset.UtcNow });
        // The whole index was written through filing 2 with the erased person already gone; the log still
        // holds filings 1 and 2 (one of them the erased key), and filing 3 came after.
        await Store.Write("hub-people", grain, new HubPeopleState { People = { [keptKey] = [kept] }, LoggedThrough = 2 });
        await Store.Write("hub-people-log", grain, new HubPeopleLog
        {
            Filed = [new PersonFiling(1, kept, keptKey), new PersonFiling(2, erased, erasedKey), new PersonFiling(3, later, laterKey)],
            LastNumber = 3,
        });

        await using var cluster = await Start("svc");
        var hub = cluster.Client.GetGrain<IHubGrain>(slug);
        Assert.Equal([kept], await hub.FindRequestsByContact(keptKey));
        Assert.Equal([later], await hub.FindRequestsByContact(laterKey));
        Assert.Empty(await hub.FindRequestsByContact(erasedKey));

        // The activation wrote the log without what the whole index holds (the erased key with it), and
        // the next filing is numbered after every one logged, so a later replay cannot skip it.
        var next = Guid.NewGuid();
        await hub.RequestChanged(new RequestNotice(Domain.Summary(slug, next), laterKey));
        await cluster.StopAllSilosAsync();
        var log = await Store.Read<HubPeopleLog>("hub-people-log", grain);
        Assert.Equal([new PersonFiling(3, later, laterKey), new PersonFiling(4, next, laterKey)], log.Filed);
    }
}
