namespace MutualAid.Bench;

/// <summary>What a process on this machine has cost so far, read from /proc by its id.</summary>
internal static class ProcessLoad
{
    /// <summary>Resident memory, in bytes.</summary>
    public static long ResidentBytes(int pid) => Status(pid, "VmRSS:");

    /// <summary>
    /// A line of /proc/&lt;pid&gt;/status in bytes (kB lines) or as a count (Threads): RssAnon (heap, stacks,
    /// native buffers), RssFile (mapped assemblies), RssShmem (the runtime's double-mapped code).
    /// </summary>
    public static long Status(int pid, string key)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(key, StringComparison.Ordinal));
        var parts = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return parts.Length > 1 && parts[1] == "kB" ? value * 1024 : value;
    }

    /// <summary>CPU time (user + system, every thread) used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }
}
