namespace MutualAid.Bench;

/// <summary>What a process on this machine has cost so far, read from /proc by its id.</summary>
internal static class ProcessLoad
{
    /// <summary>Resident memory, in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        const string Key = "VmRSS:";
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(Key, StringComparison.Ordinal));
        return long.Parse(line[Key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>CPU time (user + system, every thread) used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }
}
