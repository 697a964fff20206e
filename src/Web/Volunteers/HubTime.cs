using System.Globalization;

namespace MutualAid.Web.Volunteers;

/// <summary>Times shown to people are in their hub's time zone, never the server's or UTC.</summary>
public static class HubTime
{
    /// <summary>The day and the time of day in the hub's zone, in the reader's culture ("Sat 14:05", "sáb 14:05").</summary>
    public static string Show(DateTimeOffset at, TimeZoneInfo zone)
    {
        // Two formats, not "ddd t": inside a custom format "t" is the first letter of AM/PM, so that
        // showed "Sat P" and no time at all.
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{local.ToString("ddd", CultureInfo.CurrentCulture)} {local.ToString("t", CultureInfo.CurrentCulture)}";
    }

    /// <summary>A time in the hub's zone in the given .NET format, in the reader's culture.</summary>
    public static string Show(DateTimeOffset at, TimeZoneInfo zone, string format) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.CurrentCulture);

    /// <summary>
    /// The day and time in the hub's zone, followed by the zone's name, for a deadline a person must
    /// meet. The day too: a low-urgency claim holds 24 h, and "until 2:41 PM" read at 2:45 PM looked lapsed.
    /// </summary>
    public static string ShowNamed(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return $"{Show(at, zone)} ({zone.Id})";
    }
}
