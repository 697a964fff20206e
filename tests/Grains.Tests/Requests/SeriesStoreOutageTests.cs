using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// Starting a series while the store refuses its write: nothing is half started, so starting it
/// again once the store is back works, and no moment leaves a written series without its reminder.
/// Runs on its own cluster because it breaks the series store on purpose.
/// </summary>
public sealed class SeriesStoreOutageTests : BrokenStoreTest
{
    [Fact]
    public async Task A_series_whose_first_write_failed_is_not_started_and_can_be_begun_again()
    {
        var domain = new Domain(Cluster.Client);
        var hub = await domain.NewHub();

        var series = Cluster.Client.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        var pattern = Domain.Request(hub, phone: Domain.UniquePhone());

        Store.FailingStates = new HashSet<string> { "series" };
        Store.FailWrites = true;
        await Assert.ThrowsAnyAsync<Exception>(() => series.Begin(pattern, RepeatEvery.Week));
        Assert.Null(await series.GetView()); // memory went back to what the store holds
        // Armed before the write: had the silo crashed here, the reminder would find no series, never the reverse.
        Assert.NotNull(await Cluster.Reminders().ReadRow(series.GetGrainId(), "next"));

        Store.FailWrites = false;
        var again = await series.Begin(pattern, RepeatEvery.Week);
        Assert.True(again.IsOk, again.Message);
        Assert.Single((await series.GetView())!.Occurrences);
        Assert.NotNull(await Cluster.Reminders().ReadRow(series.GetGrainId(), "next"));
    }
}
