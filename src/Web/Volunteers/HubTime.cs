using System.Globalization;

namespace MutualAid.Web.Volunteers;

/// <summary>Times shown to people are in their hub's time zone, never the server's or UTC.</summary>
public static class HubTime
{
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"ddd HH:mm" in the hub's zone, in the reader's culture.</summary>
    public static string Show(DateTimeOffset at, TimeZoneInfo zone, string format = "ddd t") =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>The time of day in the hub's zone, followed by the zone's name, for a deadline a person must meet.</summary>
    public static string ShowNamed(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{Show(at, zone, "t")} ({zone.Id})";
    }
}
