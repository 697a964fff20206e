namespace MutualAid.Hubs;

/// <summary>
/// The time zone a hub names, for every tier: its day, its deadlines and the times people read are in
/// it. A zone this machine does not know, or none, is UTC rather than a failure.
/// </summary>
public static class HubZone
{
    public static TimeZoneInfo Of(string? timeZoneId) =>
        timeZoneId is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static TimeZoneInfo Of(HubSettings? settings) => Of(settings?.TimeZoneId);
}
