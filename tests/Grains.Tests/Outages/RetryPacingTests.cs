using MutualAid.Silo.Persistence;

namespace MutualAid.Grains.Tests.Outages;

/// <summary>What owes a receiver that is down tries again at once when there is news, else backing off.</summary>
public sealed class RetryPacingTests
{
    [Fact]
    public async Task A_failure_holds_the_next_try_back_news_and_a_kept_step_let_it_go_at_once()
    {
        var pacing = new RetryPacing(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.True(pacing.Due);

        pacing.Failed();
        Assert.False(pacing.Due);
        await Wait.Until(() => pacing.Due, "the first wait to pass", 5);

        // The second failure waits twice as long; news asks at once all the same.
        pacing.Failed();
        Assert.False(pacing.Due);
        pacing.Now();
        Assert.True(pacing.Due);

        pacing.Failed();
        Assert.False(pacing.Due);
        pacing.Kept();
        Assert.True(pacing.Due);
    }

    [Fact]
    public void The_wait_doubles_up_to_the_longest_and_no_further()
    {
        var pacing = new RetryPacing(TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            pacing.Failed();
            waits.Add(pacing.Wait);
        }

        Assert.Equal([1, 2, 3, 3, 3], waits.Select(w => w.TotalHours));
    }
}
