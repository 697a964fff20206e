using MutualAid.Board;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Silo.Hubs;

/// <summary>The board's counts, and the hub's local day they are counted in.</summary>
public sealed partial class HubGrain
{
    private BoardCounts Counts()
    {
        var byStatus = indexes.StatusCounts();
        var needs = S.Open.Values.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        var offers = S.Offers.Values.Where(o => o.Status == OfferStatus.Open).GroupBy(o => o.Category).ToDictionary(g => g.Key, g => g.Count());
        var unassignedCritical = S.Open.Values.Count(r => r.Urgency == Urgency.Critical && r.AssignedVolunteerId is null);
        var onDuty = S.Volunteers.Values.Count(v => v.OnDuty);
        var overdue = S.Open.Values.Count(r => r.OverdueSince is not null);
        return new BoardCounts(byStatus, needs, offers, unassignedCritical, onDuty, FulfilledToday())
        {
            Overdue = overdue,
            OpenNeedsByArea = ByArea(S.Open.Values.Select(r => r.Area)),
            OpenOffersByArea = ByArea(S.Offers.Values.Select(o => o.Area)),
        };
    }

    /// <summary>Counts per named area, in the area's own spelling; anything else counts under "".</summary>
    private Dictionary<string, int> ByArea(IEnumerable<string?> areas)
    {
        var named = S.Settings?.Areas ?? [];
        if (named.Count == 0) return [];
        return areas.GroupBy(a => NamedArea.Find(named, a)?.Name ?? "").ToDictionary(g => g.Key, g => g.Count());
    }

    private int FulfilledToday()
    {
        var start = StartOfLocalDay();
        return S.RecentFulfilments.Count(t => t >= start);
    }

    private void PruneFulfilments()
    {
        var start = StartOfLocalDay();
        S.RecentFulfilments.RemoveAll(t => t < start);
        var handoverHorizon = clock.GetUtcNow() - HandoverHorizon;
        foreach (var old in S.RecentlyChanged.Where(c => c.Value < handoverHorizon).Select(c => c.Key).ToArray()) S.RecentlyChanged.Remove(old);
    }

    private DateTimeOffset StartOfLocalDay()
    {
        var zone = HubTimeZone();
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    private TimeZoneInfo HubTimeZone() =>
        S.Settings is { } s && TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}
