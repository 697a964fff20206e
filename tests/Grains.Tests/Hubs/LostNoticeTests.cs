using MutualAid.Grains.Tests.Outages;

namespace MutualAid.Grains.Tests.Hubs;

/// <summary>
/// A board write that fails for good (the store is down longer than the hub's retries) loses the
/// notices of that batch from the board. The request and the volunteer see their notice fail and
/// send it again after a pause, so the board converges without anyone touching those entities.
/// Runs on its own cluster because it breaks the hub's store on purpose.
/// </summary>
public sealed class LostNoticeTests : BrokenStoreTest
{
    [Fact]
    public async Task Changes_a_board_lost_to_a_failed_write_reach_it_once_the_store_is_back()
    {
        var domain = new Domain(Cluster.Client);
        var hub = await domain.NewHub();


        Store.FailWrites = true;
        var request = await domain.NewRequest(hub);
        var volunteer = await domain.NewVolunteer(hub, "Lost Volunteer");
        // The hub gives up on its batch (after its retries) and drops the activation whose memory is
        // ahead of the store; a new one cannot even start while the store refuses writes.
        await Wait.Until(async () =>
        {
            try
            {
                await domain.Hub(hub).GetSummary();
                return false;
            }
            catch (OrleansException ex) when (ex.InnerException is TimeoutException)
            {
                return true; // the new activation's first write was refused: the old one is gone
            }
        }, "the hub to drop its activation", 30);
        Store.FailWrites = false;

        var reloaded = await domain.Hub(hub).GetSnapshot();
        Assert.DoesNotContain(reloaded.Requests, r => r.Id == request.Id); // really lost from the board's store
        Assert.DoesNotContain(reloaded.Volunteers, v => v.Id == volunteer.Id);

        var board = await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == request.Id) && b.Volunteers.Any(v => v.Id == volunteer.Id), TimeSpan.FromSeconds(60));
        Assert.Equal(request.Version, board.Requests.Single(r => r.Id == request.Id).Version);
    }
}
