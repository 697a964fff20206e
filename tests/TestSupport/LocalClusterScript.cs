using System.Diagnostics;

namespace MutualAid.TestSupport;

/// <summary>deploy/local-cluster.sh, as the cluster tests and the cluster benchmark drive it.</summary>
public static class LocalClusterScript
{
    /// <summary>
    /// Runs one command of the script ("start", "stop") on the cluster kept in <paramref name="state"/>,
    /// with <paramref name="environment"/> (ports and the like). A failure throws with what the script
    /// printed, followed by <paramref name="more"/> (a caller may add the cluster's own logs).
    /// </summary>
    public static async Task Run(string command, string state, IReadOnlyDictionary<string, string> environment, Func<string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "deploy", "local-cluster.sh"));
        info.ArgumentList.Add(command);
        info.ArgumentList.Add(state);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {command} failed:\n{await output}\n{await error}" + (more is null ? "" : "\n" + more()));
        }
    }
}
