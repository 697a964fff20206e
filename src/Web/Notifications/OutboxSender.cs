using System.Diagnostics;
using MutualAid.Common;
using Microsoft.Extensions.Options;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Sms;
using MutualAid.Web.Notifications.Channels;
using Polly;
using Polly.Retry;

namespace MutualAid.Web.Notifications;

/// <summary>
/// Takes due messages from the outboxes the directory lists, under this front-end's lease, and
/// sends each through every configured channel the person chose. A few quick tries ride over a
/// blip; past those the outbox backs off and, after its last try, marks the message failed. With
/// no channel configured (the default) a message is "on page only": still on the person's page and
/// in the outbox. The message key goes to the provider as idempotency key, one per channel.
/// </summary>
public sealed partial class OutboxSender(
    IGrainFactory grains,
    AddressBook addresses,
    MessageRenderer renderer,
    IEnumerable<IMessageChannel> channels,
    IOptions<SenderOptions> options,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private readonly string senderId = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    private readonly ResiliencePipeline<SendOutcome> quickTries = new ResiliencePipelineBuilder<SendOutcome>()
        .AddRetry(new RetryStrategyOptions<SendOutcome>
        {
            ShouldHandle = new PredicateBuilder<SendOutcome>().HandleResult(o => !o.Sent && !o.Permanent).Handle<HttpRequestException>().Handle<IOException>().Handle<TimeoutException>(),
            MaxRetryAttempts = Math.Max(1, options.Value.QuickRetries),
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
        })
        .Build();

    /// <summary>
    /// How long sent messages' reports may wait for others to go with them. Messages shown on the
    /// person's page only finish in microseconds, and a batch of them reported one by one cost the
    /// outbox a write each (docs/benchmarks.md, issue 18); a send by SMS or email takes about this
    /// long or more, so such messages are still reported as each is sent, and a sender that stops
    /// leaves few sent-but-unreported messages for the lease to hand out again.
    /// </summary>
    internal static readonly TimeSpan ReportWithin = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SendInterval);
        do
        {
            try
            {
                await SendDue(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex); // the lease runs out and the next pass (here or elsewhere) sends it
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the hubs with open messages; answers how many messages it finished.</summary>
    public async Task<int> SendDue(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var hub in await grains.GetGrain<IOutboxDirectoryGrain>(IOutboxDirectoryGrain.Key).HubsWithOpenMessages())
        {
            var outbox = grains.GetGrain<IOutboxGrain>(hub);
            // A hub with a backlog gets up to one interval of this pass: a batch per look alone sends
            // BatchSize per interval, and a busy hub decides more than that (docs/benchmarks.md, issue 18).
            var started = Stopwatch.GetTimestamp();
            // Reports go without waiting for the ones before (those of messages sent within ReportWithin
            // of each other together), and the next batch is taken without waiting for this one's
            // reports: the outbox keeps the reports and the next lease that meet a write in flight in
            // one write. Nothing sent is taken again meanwhile: it stays under this sender's lease
            // until its report lands.
            var reports = new List<Task>();
            // An email's subject names the hub, and a text reads a number by its country: its settings
            // are read once a pass, when a message first needs them, not once a message of a backlog.
            Task<HubSettings?>? read = null;
            Task<HubSettings?> Settings() => read ??= Slug.IsValid(hub) ? grains.GetGrain<IHubGrain>(hub).GetSettings() : Task.FromResult<HubSettings?>(null);
            IReadOnlyList<OutboxEntry> due;
            do
            {
                due = await outbox.TakeDue(senderId, options.Value.BatchSize);
                var finished = new List<MessageReport>(due.Count);
                var lastReport = Stopwatch.GetTimestamp();
                try
                {
                    foreach (var entry in due)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var report = await Send(entry.Message, Settings, cancellationToken);
                        finished.Add(new MessageReport(entry.Key, report));
                        Diagnostics.WebMetrics.OutboxReports.Add(1, Diagnostics.WebMetrics.Hub(hub), new("result", report.Result.ToString().ToLowerInvariant()));
                        done++;
                        if (Stopwatch.GetElapsedTime(lastReport) < ReportWithin) continue;
                        reports.Add(outbox.Report([.. finished]));
                        finished.Clear();
                        lastReport = Stopwatch.GetTimestamp();
                    }
                }
                finally
                {
                    // Also when stopping half way through a batch: what was sent is reported, as each
                    // was when reports went one by one, rather than sent again once the lease runs out.
                    if (finished.Count > 0) reports.Add(outbox.Report(finished));
                }
            }
            while (due.Count >= options.Value.BatchSize && Stopwatch.GetElapsedTime(started) < options.Value.SendInterval);

            await Task.WhenAll(reports);
        }

        return done;
    }

    private async Task<DeliveryReport> Send(OutboundMessage message, Func<Task<HubSettings?>> hub, CancellationToken cancellationToken)
    {
        var to = await addresses.Find(message);
        var ways = to.Ways.Where(w => channels.Any(c => c.Channel == w.Channel && c.IsConfigured)).ToList();
        // The person who asked hears one way: the first they gave that can be used. A number the hub
        // cannot dial (no country to read it by, or not one of its country) is not one: their email is.
        if (message.To.Kind == RecipientKind.Requester && ways.Count > 1)
        {
            var country = (await hub())?.Country;
            ways = [ways.FirstOrDefault(w => w.Channel != Channel.Sms || Dialling.E164(w.Address, country) is not null) ?? ways[0]];
        }

        if (ways.Count == 0) return new DeliveryReport(senderId, DeliveryResult.PageOnly, [], to.Ways.Count == 0 && channels.Any(c => c.IsConfigured) ? Reason.NoAddress.Say() : null, to.ShownAs);

        var sent = new List<Channel>();
        var errors = new List<SendOutcome>();
        // An email's subject names the hub as its people know it; the slug is only its address.
        var settings = ways.Any(w => w.Channel is Channel.Email or Channel.Sms) ? await hub() : null;
        var hubName = settings is { Name.Length: > 0 } named ? named.Name : message.Hub;
        for (var i = 0; i < ways.Count; i++)
        {
            var (channel, address, own) = ways[i];
            var language = own ?? to.Language ?? message.Language;
            var way = channels.First(c => c.Channel == channel && c.IsConfigured);
            // Several readers on one channel (a hub's coordinators) each get their own copy, so each its own key.
            var key = ways.Count(w => w.Channel == channel) == 1 ? $"{message.Key}:{channel}" : $"{message.Key}:{channel}:{i}";
            var text = new OutgoingText(key, address, channel == Channel.Email ? renderer.Subject(message.Kind, hubName, language) : null,
                renderer.Render(to.Extra ?? message.Said, language), language)
            {
                Country = settings?.Country,
            };
            var outcome = await quickTries.ExecuteAsync(async token => await way.Send(text, token), cancellationToken);
            if (!outcome.Sent) errors.Add(outcome);
            else if (!sent.Contains(channel)) sent.Add(channel);
        }

        var error = errors.Count == 0 ? null : errors[0].Said ?? Reason.ProviderRefused.Say(errors[0].Error ?? "");
        if (sent.Count > 0) return new DeliveryReport(senderId, DeliveryResult.Sent, sent, error, to.ShownAs);
        return new DeliveryReport(senderId, errors.TrueForAll(e => e.Permanent) ? DeliveryResult.Permanent : DeliveryResult.Transient, [], error, to.ShownAs);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pass over the outboxes failed; leased messages go again when their lease ends")]
    private static partial void LogPassFailed(ILogger logger, Exception error);
}
