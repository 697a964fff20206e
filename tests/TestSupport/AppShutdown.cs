using System.Diagnostics;

namespace MutualAid.TestSupport;

/// <summary>How a started app process ends: with everything it started, and without the files it wrote.</summary>
public static class AppShutdown
{
    /// <summary>Kills the process tree if it still runs, then removes <paramref name="dataFolder"/> (when given).</summary>
    public static async Task Stop(Process process, string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (dataFolder is not null && Directory.Exists(dataFolder)) Directory.Delete(dataFolder, recursive: true);
    }
}
