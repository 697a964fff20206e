using MutualAid.Common;
using MutualAid.Notifications;
using MutualAid.Requests;
using MutualAid.Thanks;
using MutualAid.Web.Notifications;

namespace MutualAid.Web.Status;

/// <summary>
/// Finds a request by its reference code and the last four digits of the phone it was made with.
/// No account: knowing both is the proof. Nothing in the answer says who helps or where.
/// </summary>
public sealed class StatusService(IGrainFactory grains, Localization.HubZones zones)
{
    public const int Digits = 4;

    private const int MaxSent = 10;

    public async Task<StatusReport> Find(string? code, string? lastDigits) =>
        await Locate(code, lastDigits) is { } found ? await WithSent(await Report(found.Grain, found.View), found.View) : new(StatusAnswer.NotFound);

    /// <summary>
    /// The person who asked thanks whoever delivered it. The same proof as <see cref="Find"/> and the
    /// same "not found" for a wrong code or digits; the answer names nobody, as /status never does.
    /// </summary>
    public async Task<StatusReport> Thank(string? code, string? lastDigits, string? note)
    {
        if (await Locate(code, lastDigits) is not { } found) return new(StatusAnswer.NotFound);
        var report = await WithSent(await Report(found.Grain, found.View), found.View);
        var thanked = await found.Grain.Thank(new ThankCommand(Guid.NewGuid(), ThanksFrom.Requester, note ?? "", Requester));
        return report with { Thanks = thanked.IsOk ? ThanksAnswer.Sent : thanked.Errors.Count > 0 ? ThanksAnswer.Invalid : ThanksAnswer.NotNow };
    }

    /// <summary>Who the audit says thanked: the person, never named (their name is private).</summary>
    private static readonly Actor Requester = Accounts.AppActors.Requester;

    /// <summary>The request the code and digits prove, or the one a merged duplicate now lives in.</summary>
    private async Task<(IRequestGrain Grain, RequestView View)?> Locate(string? code, string? lastDigits)
    {
        if (await Proven(code, lastDigits) is not { } view) return null;
        var grain = grains.GetGrain<IRequestGrain>(view.Id);

        // A duplicate merged into another request is answered for by that one: it is the same need.
        if (view.MergedInto is { } into && await grains.GetGrain<IRequestGrain>(into).GetView() is { } merged) return (grains.GetGrain<IRequestGrain>(into), merged);
        return (grain, view);
    }

    /// <summary>
    /// The request the code and the phone's last digits prove; null for any mismatch, whichever part
    /// was wrong, and for a code locked after too many wrong digits (<see cref="IStatusProofGrain"/>).
    /// </summary>
    public async Task<RequestView?> Proven(string? code, string? lastDigits)
    {
        var digits = new string((ContactDetails.AsciiDigits(lastDigits) ?? "").Where(char.IsAsciiDigit).ToArray());
        if (IReferenceCodeGrain.KeyOfTyped(code) is not { } key || digits.Length != Digits) return null;
        return await grains.GetGrain<IStatusProofGrain>(key).Prove(digits);
    }

    /// <summary>
    /// The person's own page for messages: what the outbox sent them, whether or not a channel
    /// carried it (with no provider, this is where they learn of it).
    /// </summary>
    private async Task<StatusReport> WithSent(StatusReport report, RequestView view)
    {
        // The hub holding it now: messages a hub it left decided stay in that hub's outbox.
        var sent = await PersonalMessages.For(grains, Recipient.Requester(view.Id), [view.HubSlug], MaxSent);
        return report with { Sent = [.. sent.Select(e => new SentNotice(e.Message.Kind, e.Message.DecidedAt, e.Status))], Zone = await zones.Of(view.HubSlug) };
    }

    private static async Task<StatusReport> Report(IRequestGrain grain, RequestView view) => view.Status switch
    {
        RequestStatus.New => new(StatusAnswer.Received),
        RequestStatus.Triaged or RequestStatus.Reopened => new(StatusAnswer.BeingArranged),
        RequestStatus.Assigned when view.Assignment is { State: AssignmentState.Offered } => new(StatusAnswer.BeingArranged),
        RequestStatus.Assigned or RequestStatus.InProgress => new(StatusAnswer.OnTheWay),
        RequestStatus.Fulfilled => new(StatusAnswer.Delivered),
        RequestStatus.Escalated => new(StatusAnswer.PassedOn),
        RequestStatus.Cancelled => new(StatusAnswer.Cancelled, await CancelReason(grain, view)),
        _ => new(StatusAnswer.Received),
    };

    /// <summary>
    /// The system's coded reason for the cancellation, only when it names nothing (no arguments): a
    /// person's typed reason or a phrase with arguments may mention other people or other requests.
    /// Lines that change nothing keep the version and give no reason (a code unlocked for the person
    /// after the cancellation), so the line read is the one of that version that says why.
    /// </summary>
    private static async Task<Phrase?> CancelReason(IRequestGrain grain, RequestView view)
    {
        var audit = await grain.GetAudit();
        return audit.LastOrDefault(e => e.Version == view.Version && e.Reason is not null)?.ReasonSaid is { Args.Count: 0 } why ? why : null;
    }
}
