using MutualAid.Regions;
using MutualAid.Requests;

namespace MutualAid.Silo.Requests;

/// <summary>
/// A critical need its region could not meet, raised to the whole network: the request calls up
/// into the network directory (which calls nothing), and a hub of any region may take it over.
/// </summary>
public sealed partial class RequestGrain
{
    public async Task<Result<RequestView>> RaiseToNetwork(RequestCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Raising is a way of handing the need on: it is legal where taking it in would be.
        var action = View?.Status == RequestStatus.Escalated ? RequestAction.Reopen : RequestAction.Transfer;
        if (Check(action, command, command.ExpectedVersion, command.Actor) is { } failure) return failure;
        var current = View!;
        if (current.RaisedToNetwork) return Result<RequestView>.Refused(Reason.AlreadyRaised);
        var region = current.OfferedToRegion ?? (current.Status == RequestStatus.Escalated ? current.EscalatedTo : null);
        if (region is null) return Result<RequestView>.Refused(Reason.NotWithRegion);
        if (current.Urgency != Urgency.Critical) return Result<RequestView>.Refused(Reason.OnlyCriticalRaised);
        if (string.IsNullOrWhiteSpace(command.Reason)) return Result<RequestView>.Invalid(nameof(command.Reason), Reason.SayWhyRaised);

        var at = Now;
        // The network's list is owed the need in the same write that marks it raised.
        return await Commit(current with { RaisedToNetwork = true }, command.Actor,
            Phrase.Of("DidRaiseToNetwork", "raised this from region {0} to the whole network", region), command.Reason,
            next => Owe(next, new UpstreamNotice(UpstreamNotice.Network, next.View!.Version,
                Need: new RaisedNeed(new EscalatedRequest(next.View.Redact(), current.HubSlug, command.Reason, at), region))));
    }

    /// <summary>A raised need stays raised while it waits (escalated or unassigned); met, closed or taken, it is not.</summary>
    private static RequestView KeepRaised(RequestView view) =>
        view.RaisedToNetwork && view.Status != RequestStatus.Escalated && !RequestLifecycle.IsWaiting(view.Status)
            ? view with { RaisedToNetwork = false }
            : view;
}
