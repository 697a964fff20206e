namespace MutualAid.Web.Layout;

/// <summary>"4 min", "2 h 5 min": how long someone has been waiting, in words a board can show.</summary>
public static class Age
{
    public static string Since(DateTimeOffset start, DateTimeOffset now)
    {
        var span = now - start;
        if (span < TimeSpan.FromMinutes(1)) return $"{Math.Max(0, (int)span.TotalSeconds)} s";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h {span.Minutes} min";
        return $"{(int)span.TotalDays} d {span.Hours} h";
    }
}
