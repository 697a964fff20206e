using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>Hubs placed in a chosen hour of their day (a fixed-offset time zone), and messages for their outboxes.</summary>
internal sealed class OutboxWorld(IGrainFactory grains, TimeProvider clock)
{
    public IOutboxGrain Outbox(string hub) => grains.GetGrain<IOutboxGrain>(hub);

    /// <summary>A hub whose local time is now <paramref name="localHour"/>:mm (the minutes of UTC now).</summary>
    public async Task<string> HubAtHour(int localHour)
    {
        var slug = Domain.NewSlug("quiet");
        var result = await grains.GetGrain<IHubGrain>(slug).Configure(new HubSettings("Hub " + slug, null) { TimeZoneId = ZoneAtHour(localHour) }, Domain.Sam);
        Assert.True(result.IsOk, result.Message);
        return slug;
    }

    /// <summary>Gives <paramref name="hub"/> a zone whose local time is now <paramref name="localHour"/>:mm; answers its id.</summary>
    public async Task<string> MoveHubToHour(string hub, int localHour)
    {
        var grain = grains.GetGrain<IHubGrain>(hub);
        var zone = ZoneAtHour(localHour);
        var result = await grain.Configure((await grain.GetSettings())! with { TimeZoneId = zone }, Domain.Sam);
        Assert.True(result.IsOk, result.Message);
        return zone;
    }

    private string ZoneAtHour(int localHour)
    {
        var offset = ((localHour - clock.GetUtcNow().UtcDateTime.Hour) % 24 + 24) % 24;
        if (offset > 14) offset -= 24;
        // "Etc/GMT-5" is five hours ahead of UTC: the sign is POSIX's, the other way round.
        return offset switch { 0 => "Etc/GMT", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
    }

    public OutboundMessage Message(string hub, bool critical = false, MessageKind kind = MessageKind.CoordinatorMessage)
    {
        var to = Recipient.Volunteer(Guid.NewGuid());
        return new OutboundMessage(OutboundMessage.KeyFor(Guid.NewGuid().ToString("N"), 1, kind, to), hub, kind, to,
            Reason.CoordinatorMessage.Say("Sam", "Please call the hub"), "en", critical, clock.GetUtcNow());
    }

    public static DeliveryReport Report(string sender, DeliveryResult result) =>
        new(sender, result, result == DeliveryResult.Sent ? [Channel.Email] : [], result == DeliveryResult.Transient ? Reason.ProviderRefused.Say("busy") : null, "Volunteer");
}
