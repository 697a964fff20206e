using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// The region's inbox, the network's list of raised needs and the volunteers whose jobs end hear of
/// a request at least once, as its hub and outboxes do: what they are owed is written in the
/// request's own state with the change (<see cref="RequestState.Upstream"/>), the command hands it
/// over right after its write, and a failure is handed again by <see cref="Hubs.HubDelivery"/>
/// (after a pause, on activation, by its reminder, armed before the write) until the receiver
/// answers. The receivers keep one entry per request, so hearing the same thing twice is harmless.
/// A command answers once its own write is kept: the region or a volunteer's store being down is
/// not the dispatcher's error, and refusing a retry would follow.
/// </summary>
public sealed partial class RequestGrain
{
    /// <summary>Notices the receiver acknowledged in this activation; they leave the state with the next write.</summary>
    private readonly HashSet<string> upstreamHeard = new(StringComparer.Ordinal);

    /// <summary>Receivers the command is handing a notice to itself, so an announcement meanwhile does not send it twice.</summary>
    private readonly HashSet<string> upstreamInHand = new(StringComparer.Ordinal);

    /// <summary>Owes <paramref name="notice"/> in the state being written, in place of anything older for the same receiver.</summary>
    private static void Owe(RequestState next, UpstreamNotice notice)
    {
        next.Upstream.RemoveAll(n => n.Target == notice.Target);
        next.Upstream.Add(notice);
    }

    /// <summary>The region's inbox gets <paramref name="escalation"/> (again, with a newer summary, if it has it).</summary>
    private static void OweEscalation(RequestState next, string region, EscalatedRequest escalation) =>
        Owe(next, new UpstreamNotice(UpstreamNotice.Region(region), next.View!.Version, Escalation: escalation));

    /// <summary>The request leaves the region's inbox.</summary>
    private static void OweWithdrawal(RequestState next, string region) =>
        Owe(next, new UpstreamNotice(UpstreamNotice.Region(region), next.View!.Version));

    /// <summary>
    /// <paramref name="held"/>'s job ends with this write: their time is given back (and hours banked)
    /// once they hear it, however long their store is down. The reservation it names is the one the
    /// request holds, so one made again since is left alone.
    /// </summary>
    private static void OweEndOfJob(RequestState next, Assignment held, JobEndKind kind, double hours = 0, int giveBacksPerHour = 0) =>
        Owe(next, UpstreamNotice.EndOfJob(held.VolunteerId, next.View!.Version, new JobEnd(kind, held.ReservedAt, hours, giveBacksPerHour)));

    /// <summary>Hands the volunteer the end of their job; answers their new board row when they give one.</summary>
    private async Task<VolunteerSummary?> HandEndOfJob(string target)
    {
        if (state.State.Upstream.Find(n => n.Target == target) is not { JobEnd: { } end } notice || upstreamHeard.Contains(notice.Key)) return null;
        var row = await GrainFactory.GetGrain<IVolunteerGrain>(UpstreamNotice.VolunteerOf(target)!.Value).EndJob(this.GetPrimaryKey(), end);
        upstreamHeard.Add(notice.Key);
        return row;
    }

    /// <summary>Receivers still owed something, for an announcement to send to (or the acknowledged leave, in <see cref="Write"/>).</summary>
    private IEnumerable<string> UpstreamTargets() =>
        state.State.Upstream.Where(n => !upstreamHeard.Contains(n.Key) && !upstreamInHand.Contains(n.Target)).Select(n => n.Target);

    /// <summary>One delivery target: a region or the network gets what it is owed now; anything else is a board or an outbox.</summary>
    private Task Send(string target) => UpstreamNotice.IsUpstream(target) ? TellUpstream(target) : Deliver(target);

    /// <summary>Hands the receiver the latest notice it is owed; completes once it has written it.</summary>
    private async Task TellUpstream(string target)
    {
        if (UpstreamNotice.VolunteerOf(target) is not null)
        {
            await HandEndOfJob(target); // the volunteer tells its own boards when this is a re-send
            return;
        }

        if (state.State.Upstream.Find(n => n.Target == target) is not { } notice || upstreamHeard.Contains(notice.Key)) return;
        var id = this.GetPrimaryKey();

        if (UpstreamNotice.SeriesOf(target) is { } series)
        {
            await GrainFactory.GetGrain<IRequestSeriesGrain>(series).ForgetRequester(notice.ErasedBy ?? Actor.System);
            upstreamHeard.Add(notice.Key);
            return;
        }

        var network = GrainFactory.GetGrain<INetworkGrain>(0);
        var region = target.StartsWith(UpstreamNotice.RegionPrefix, StringComparison.Ordinal)
            ? GrainFactory.GetGrain<IRegionGrain>(target[UpstreamNotice.RegionPrefix.Length..])
            : null;
        await (notice switch
        {
            { Need: { } need } => network.RaiseNeed(need),
            { Escalation: { } escalation } when region is not null => region.ReceiveEscalation(escalation),
            _ when region is not null => region.WithdrawEscalation(id),
            _ => network.WithdrawNeed(id),
        });
        upstreamHeard.Add(notice.Key);
    }

    /// <summary>What the region and network are owed by a change, beside what the command itself says: the withdrawals.</summary>
    private static void OweWithdrawals(RequestView? previous, RequestState next)
    {
        var view = next.View!;
        // Offered or escalated, the region's inbox holds it until it is taken, met or closed.
        if ((previous?.OfferedToRegion ?? (previous?.Status == RequestStatus.Escalated ? previous.EscalatedTo : null)) is { } region
            && view.OfferedToRegion is null && view.Status != RequestStatus.Escalated)
        {
            OweWithdrawal(next, region);
        }

        if (previous?.RaisedToNetwork == true && !view.RaisedToNetwork) Owe(next, new UpstreamNotice(UpstreamNotice.Network, view.Version));
    }
}
