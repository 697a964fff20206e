using Microsoft.Extensions.Logging;
using MutualAid.ApiTokens;
using MutualAid.Hubs;
using MutualAid.Notifications;
using MutualAid.Silo.Hubs;
using MutualAid.Silo.Notifications;

namespace MutualAid.Silo.ApiTokens;

/// <summary>
/// The coordinators hear that a token ends soon (<see cref="ApiTokenWarning"/>), so an integration
/// does not stop in the middle of a crisis. A durable reminder wakes the token when the warning is
/// due; the warning is decided in the write that records it, and handed to the hub's outbox as
/// request grains hand theirs. The token calls its hub (name, time zone) and its hub's outbox;
/// neither ever calls a token, and the hub's token list, which does, is never called from here.
/// </summary>
public sealed partial class ApiTokenGrain
{
    public const string EndingReminder = "token-ending";

    /// <summary>Reminders wake at most this far ahead (a 365-day token's warning is almost a year away) and re-arm for the rest.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(7);

    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    private HubDelivery? delivery;
    private OutboxHanding? outbox;

    private HubDelivery Delivery => delivery ??= new HubDelivery(this, logger);

    private OutboxHanding Outbox => outbox ??= new OutboxHanding(GrainFactory);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A warning written but not yet acknowledged (the silo died in between) is handed again.
        HandToOutbox();
        // A token issued before warnings existed has no reminder: it gets one the first time it wakes.
        // Only those ask the reminder table; a failure here must not keep the token from answering.
        if (!state.State.EndingArmed && EndingDue() is { } due)
        {
            try
            {
                if (await this.GetReminder(EndingReminder, cancellationToken) is null) await ArmEnding(due);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotArmed(logger, this.GetPrimaryKey(), ex);
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        EndingReminder => CheckEnding(),
        HubDelivery.ReminderName => Delivery.OnReminder(),
        _ => Task.CompletedTask,
    };

    public async Task CheckEnding()
    {
        if (EndingDue() is not { } due)
        {
            await DisarmEnding(); // revoked, expired, never ending, or already warned: nothing more by the clock
            return;
        }

        var now = clock.GetUtcNow();
        if (now < due)
        {
            await ArmEnding(due); // woke early (a long wait taken in steps): sleep again
            return;
        }

        var s = state.State;
        var id = this.GetPrimaryKey();
        var told = Told(id, s, await GrainFactory.GetGrain<IHubGrain>(s.Hub!).GetSettings(), now);
        var before = s.Outgoing;
        s.EndingWarnedAt = now;
        s.Outgoing = [.. Outbox.Unacknowledged(s.Outgoing), told];
        // Durable before the write: a crash between it and the outbox's answer is handed again on restart.
        await Delivery.Arm();
        await state.WriteOrUndo(() => (s.EndingWarnedAt, s.Outgoing) = (null, before));
        HandToOutbox();
        LogWarned(logger, id, s.Hub!);
        await DisarmEnding();
    }

    /// <summary>
    /// The message: the token's name, its hub's name, when it ends in the hub's zone and where to issue
    /// the next one. Never its secret, which no grain holds, nor its fingerprint.
    /// </summary>
    internal static OutboundMessage Told(Guid id, ApiTokenState token, HubSettings? settings, DateTimeOffset now)
    {
        var hub = token.Hub!;
        var zone = HubZone.Of(settings);
        var end = TimeZoneInfo.ConvertTime(token.ExpiresAt!.Value, zone).DateTime;
        var to = Recipient.Coordinators(hub);
        return new OutboundMessage(OutboundMessage.KeyFor(id.ToString("N"), 1, MessageKind.ApiTokenEndingSoon, to), hub, MessageKind.ApiTokenEndingSoon, to,
            Reason.ApiTokenEndingSoon.Say(token.Name, settings is { Name.Length: > 0 } named ? named.Name : hub, end, zone.Id, $"/hubs/{hub}/team"), "en", false, now);
    }

    /// <summary>When the warning is due, while the token still owes one: issued, live, with an end, not yet warned.</summary>
    private DateTimeOffset? EndingDue()
    {
        var s = state.State;
        return s.Hub is null || s.RevokedAt is not null || s.EndingWarnedAt is not null || Expired(clock.GetUtcNow()) ? null : ApiTokenWarning.From(s.CreatedAt, s.ExpiresAt);
    }

    private async Task ArmEnding(DateTimeOffset due)
    {
        var wait = due - clock.GetUtcNow();
        // Once due it ticks at the network's pace (MutualAid:Deadlines:Recheck) until the warning is written.
        await this.RegisterOrUpdateReminder(EndingReminder, wait < Soonest ? Soonest : wait > LongestWait ? LongestWait : wait, deadlines.Value.Recheck);
    }

    private async Task DisarmEnding()
    {
        if (await this.GetReminder(EndingReminder) is { } registered) await this.UnregisterReminder(registered);
    }

    /// <summary>After a command's write: should the reminder table fail, the command still happened, and the reminder removes itself when it next fires.</summary>
    private async Task DisarmEndingAfter(string change)
    {
        try
        {
            await DisarmEnding();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotDisarmed(logger, this.GetPrimaryKey(), change, ex);
        }
    }

    /// <summary>Hands the outbox what it has not acknowledged, again until it has (<see cref="HubDelivery"/>).</summary>
    private void HandToOutbox()
    {
        if (state.State.Outgoing.Count == 0) return;
        Delivery.Announce(Outbox.Targets(state.State.Outgoing), target =>
            OutboxHanding.IsOutbox(target, out var hub) ? Outbox.Hand(hub, state.State.Outgoing) : Task.CompletedTask);
    }

    // Ids and the hub only: a token's name is the hub's to read, not the operator's logs'.
    [LoggerMessage(Level = LogLevel.Information, Message = "API token {TokenId} of hub {Hub} ends soon; its coordinators are told")]
    private static partial void LogWarned(ILogger logger, Guid tokenId, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token {TokenId} could not arm the warning before it ends; it tries again when it next wakes")]
    private static partial void LogNotArmed(ILogger logger, Guid tokenId, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API token {TokenId} is {Change} but kept its ending reminder; the reminder removes itself when it next fires")]
    private static partial void LogNotDisarmed(ILogger logger, Guid tokenId, string change, Exception error);
}
