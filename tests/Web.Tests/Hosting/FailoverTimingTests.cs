namespace MutualAid.Web.Tests.Hosting;

/// <summary>Issue 14, reliability 3: the web tier's retries outlast the time a cluster takes to declare a dead silo dead.</summary>
public sealed class FailoverTimingTests
{
    [Fact]
    public void Retries_keep_going_for_at_least_twice_the_death_declaration_time_and_finish_inside_the_command_timeout()
    {
        Assert.True(ClusterRetry.TotalBackoff >= FailoverTiming.DeathDeclaredWithin * 2,
            $"retries stop after {ClusterRetry.TotalBackoff.TotalSeconds} s; a dead silo may take {FailoverTiming.DeathDeclaredWithin.TotalSeconds} s to be declared dead");
        Assert.True(ClusterRetry.TotalBackoff < ClusterRetry.CommandTimeout, "the command timeout would cut the retries short");
    }
}
