namespace MutualAid.Bench;

/// <summary>What a process on this machine has cost so far, read from /proc by its id.</summary>
internal static class ProcessLoad
{
    /// <summary>Resident memory, in bytes.</summary>
    public static long ResidentBytes(int pid) => Status(pid)["VmRSS"];

    /// <summary>
    /// The numeric lines of /proc/&lt;pid&gt;/status, read at one moment, in bytes (kB lines) or as a count
    /// (Threads): e.g. RssAnon (heap, stacks, native buffers), RssFile (mapped assemblies), RssShmem (the
    /// runtime's double-mapped code).
    /// </summary>
    public static Dictionary<string, long> Status(int pid)
    {
        var figures = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var parts = line[(colon + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) continue;
            figures[line[..colon]] = parts.Length > 1 && parts[1] == "kB" ? value * 1024 : value;
        }

        return figures;
    }

    /// <summary>CPU time (user + system, every thread) used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        return process.TotalProcessorTime;
    }
}
