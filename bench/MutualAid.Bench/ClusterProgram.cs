using Microsoft.Extensions.Hosting;

namespace MutualAid.Bench;

/// <summary>
/// <c>--cluster &lt;state-dir&gt;</c>: the fan-out and hubs scenarios against deploy/local-cluster.sh
/// (issue 18 item 5), with each process's load beside the latency.
/// </summary>
internal static class ClusterProgram
{
    public static async Task Run(string state, string scenario, int fanOutBoards, TimeSpan duration, TimeSpan warmUp)
    {
        await using var cluster = await ClusterUnderTest.Use(state);
        var cookies = await cluster.SignIn();
        using var client = await cluster.Client();
        var grains = client.Services.GetRequiredService<IGrainFactory>();
        var rows = new ObservableRows();
        var tables = new List<string>();
        var idle = TimeSpan.FromSeconds(10);
        try
        {
            if (scenario is "fanout" or "all")
            {
                var (summary, processes) = await ClusterScenarios.Run(cluster, grains, cookies, "fan-out 1 hub", 1, fanOutBoards, 10, duration, warmUp, idle);
                rows.Add(summary);
                tables.Add(ClusterScenarios.Table($"Per process, fan-out 1 hub × {fanOutBoards} boards:", processes));
                Console.Error.WriteLine(tables[^1]);
            }

            if (scenario is "hubs" or "all")
            {
                // As the single-process hubs scenario: 50 hubs × 20 boards, 0.4 commands/s each.
                var (summary, processes) = await ClusterScenarios.Run(cluster, grains, cookies, "50 hubs × 20 boards", 50, 20, 0.4, duration, warmUp, idle);
                rows.Add(summary);
                tables.Add(ClusterScenarios.Table("Per process, 50 hubs × 20 boards:", processes));
                Console.Error.WriteLine(tables[^1]);
            }
        }
        finally
        {
            await client.StopAsync();
        }

        Console.WriteLine();
        Console.WriteLine(Scenarios.Table(rows));
        foreach (var table in tables) Console.WriteLine(table);
    }
}
