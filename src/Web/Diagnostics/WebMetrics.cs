using System.Diagnostics.Metrics;

namespace MutualAid.Web.Diagnostics;

/// <summary>
/// What the web tier does for the boards and the outbox. Tags carry hub slugs, channels and results
/// only; a person's name, phone, email or address never becomes a label.
/// </summary>
public static class WebMetrics
{
    public const string MeterName = "MutualAid.Web";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>From the moment a request grain changed a request to this front-end applying it to the hub's board.</summary>
    public static readonly Histogram<double> NoticeToBoard = Meter.CreateHistogram<double>("mutualaid.board.notice_to_board", "ms", "Time from a request's change to the board in this front-end",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000] });

    public static readonly Counter<long> DeltasSent = Meter.CreateCounter<long>("mutualaid.board.deltas", "{delta}", "Board deltas pushed to the hub's open boards");

    public static readonly Counter<long> Resyncs = Meter.CreateCounter<long>("mutualaid.board.resyncs", "{snapshot}", "Whole boards sent again because a delta was missing or out of order");

    public static readonly Counter<long> OutboxReports = Meter.CreateCounter<long>("mutualaid.outbox.messages", "{message}", "Messages the sender finished with, by result (sent, pageonly, transient, permanent)");

    /// <summary>The feeds of this process (one, but a test process hosts several apps), read when scraped.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Board.BoardFeed, bool> Feeds = new();

    private static readonly ObservableGauge<int> Watchers = Meter.CreateObservableGauge("mutualaid.board.watchers",
        () => Feeds.Keys.SelectMany(f => f.WatchersByHub()).Select(w => new Measurement<int>(w.Watchers, Hub(w.Hub))),
        "{board}", "Open boards and region views watching each hub in this front-end");

    public static void Observe(Board.BoardFeed feed) => Feeds[feed] = true;

    public static void Forget(Board.BoardFeed feed) => Feeds.TryRemove(feed, out _);

    public static KeyValuePair<string, object?> Hub(string slug) => new("hub", slug);
}
