using MutualAid.Board;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Silo.Hubs;

/// <summary>The board's counts, and the hub's local day they are counted in.</summary>
public sealed partial class HubGrain
{
    private IGrainTimer? offerWindowTimer;
    private DateTimeOffset? offerWindowEnds;

    private BoardCounts Counts()
    {
        var byStatus = indexes.StatusCounts();
        var needs = S.Open.Values.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        // A paused offer, or one whose time to give has ended, is on the board but covers no need:
        // both gap views leave it out, as the suggestions do.
        var now = clock.GetUtcNow();
        var open = S.Offers.Values.Where(o => OfferRules.CanGive(o, now)).ToArray();
        var offers = open.GroupBy(o => o.Category).ToDictionary(g => g.Key, g => g.Count());
        var unassignedCritical = S.Open.Values.Count(r => r.Urgency == Urgency.Critical && r.AssignedVolunteerId is null);
        var onDuty = S.Volunteers.Values.Count(v => v.OnDuty);
        var overdue = S.Open.Values.Count(r => r.OverdueSince is not null);
        return new BoardCounts(byStatus, needs, offers, unassignedCritical, onDuty, FulfilledToday())
        {
            Overdue = overdue,
            OpenNeedsByArea = ByArea(S.Open.Values.Select(r => r.Area)),
            OpenOffersByArea = ByArea(open.Select(o => o.Area)),
        };
    }

    /// <summary>
    /// Arms one refresh of the counts for when the next open offer's time to give ends: nothing else
    /// changes the board then, and a quiet hub's gap view would go on counting it. Not durable: a
    /// board read after a reactivation counts afresh.
    /// </summary>
    private void ArmOfferWindow()
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? next = S.Offers.Values.Where(o => OfferRules.CanGive(o, now) && o.AvailableUntil is not null).Select(o => o.AvailableUntil).Min();
        if (next == offerWindowEnds) return;
        offerWindowEnds = next;
        offerWindowTimer ??= this.RegisterGrainTimer(OfferWindowEnded, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = false });
        // A timer waits at most about 49 days; a later end is reached by waking on the way.
        offerWindowTimer.Change(next is { } due ? TimeSpan.FromTicks(Math.Clamp((due - now).Ticks, TimeSpan.TicksPerSecond, TimeSpan.TicksPerDay)) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private async Task OfferWindowEnded()
    {
        var ended = offerWindowEnds <= clock.GetUtcNow();
        offerWindowEnds = null;
        if (ended) await Publish([]);
        ArmOfferWindow();
    }

    /// <summary>Counts per named area, in the area's own spelling; anything else counts under "".</summary>
    private Dictionary<string, int> ByArea(IEnumerable<string?> areas)
    {
        var named = S.Settings?.Areas ?? [];
        if (named.Count == 0) return [];
        return areas.GroupBy(a => NamedArea.Find(named, a)?.Name ?? "").ToDictionary(g => g.Key, g => g.Count());
    }

    private int FulfilledToday() => S.FulfilledDayStart == StartOfLocalDay() ? S.FulfilledThatDay : 0;

    /// <summary>Counts a fulfilment made today; the first of a new day (or of a new time zone's day) starts the count again.</summary>
    private void CountFulfilment(DateTimeOffset at)
    {
        var start = StartOfLocalDay();
        if (S.FulfilledDayStart != start) (S.FulfilledDayStart, S.FulfilledThatDay) = (start, 0);
        if (at >= start) S.FulfilledThatDay++;
    }

    /// <summary>A hub stored with one time per fulfilment counts today's once; the next write drops the times.</summary>
    private void CountStoredFulfilments()
    {
        if (S.RecentFulfilments.Count == 0) return;
        var start = StartOfLocalDay();
        (S.FulfilledDayStart, S.FulfilledThatDay) = (start, S.RecentFulfilments.Count(t => t >= start));
        S.RecentFulfilments = [];
    }

    private DateTimeOffset StartOfLocalDay()
    {
        var zone = HubZone.Of(S.Settings);
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        // The offset at midnight, not now: on the day the clocks change, the day still starts at one instant.
        return new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
    }
}
