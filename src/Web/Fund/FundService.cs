using MutualAid.Common;
using MutualAid.Fund;
using MutualAid.Hubs;
using MutualAid.Requests;
using MutualAid.Volunteers;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Fund;

/// <summary>
/// A hub's fund for the people who keep it: coordinators record, reverse and read (donors' names
/// too); another coordinator approves an ask; dispatchers ask for any volunteer of the hub and a
/// volunteer for themselves. Every refusal reads the same whether or not the hub or entry exists.
/// </summary>
public sealed partial class FundService(IGrainFactory grains, CurrentUser user, ILogger<FundService> logger)
{
    public Task<bool> MayManage(string hub) => user.Can(Ability.ManageFund, hub);

    public Task<bool> MayApprove(string hub) => user.Can(Ability.ApproveReimbursement, hub);

    public Task<bool> MayAsk(string hub) => user.Can(Ability.AskReimbursement, hub);

    public Guid? MyVolunteerId => user.VolunteerId;

    public async Task<Result<FundLedger>> Ledger(string hub) =>
        await MayManage(hub) ? Result<FundLedger>.Ok(await Fund(hub).GetLedger()) : Result<FundLedger>.Refused(Reason.FundNeedsCoordinator);

    /// <summary>
    /// The asks this person made or that pay them, so whoever asked can follow an ask to its payment
    /// without seeing the rest of the ledger.
    /// </summary>
    public async Task<IReadOnlyList<FundAsk>> MyAsks(string hub) =>
        await MayAsk(hub) ? await Fund(hub).GetAsks(user.Actor.UserId, user.VolunteerId) : [];

    /// <summary>The fund's currency, for whoever may ask it to pay them back (their form names it); null for anyone else.</summary>
    public async Task<string?> Currency(string hub) =>
        await MayAsk(hub) ? (await Fund(hub).GetTotals(DateTimeOffset.MaxValue)).Currency : null;

    /// <summary>A donation or a purchase (with an optional receipt photo).</summary>
    public async Task<Result<FundEntry>> Record(string hub, NewFundEntry entry, FundReceiptUpload? receipt = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!await MayManage(hub) || entry.Kind is not (FundEntryKind.Donation or FundEntryKind.Purchase)) return Result<FundEntry>.Refused(Reason.FundNeedsCoordinator);
        return await Write(hub, entry with { RecordedBy = user.Actor, PayeeVolunteerId = null, PayeeName = null }, receipt);
    }

    /// <summary>Asks the fund to pay a volunteer of the hub back; a volunteer may ask only for themselves.</summary>
    public async Task<Result<FundEntry>> Ask(string hub, decimal amount, RequestCategory category, string note, Guid? payee, Guid? requestId, FundReceiptUpload? receipt = null)
    {
        if (!await MayAsk(hub)) return Result<FundEntry>.Refused(Reason.FundNeedsCoordinator);
        var organiser = await user.Can(Ability.Dispatch, hub);
        payee ??= organiser ? null : user.VolunteerId;
        if (!organiser && (payee is null || payee != user.VolunteerId)) return Result<FundEntry>.Refused(Reason.FundOnlyYourself);
        if (payee is not { } volunteer) return Result<FundEntry>.Invalid("PayeeVolunteerId", Reason.FundChoosePayee);
        if (await grains.GetGrain<IVolunteerGrain>(volunteer).GetView() is not { } view || !view.Profile.HubSlugs.Contains(hub))
            return Result<FundEntry>.Invalid("PayeeVolunteerId", Reason.ChooseHubVolunteer);
        // The ledger names only this hub's work, and one of its jobs the payee never held is refused: a
        // link to someone else's job would vouch for the ask. The page offers only a job of this hub
        // (JobOfHub); one that left the board since (passed to another hub) is refused, not dropped, as
        // the form said the ask was linked to it.
        if (requestId is { } id)
        {
            var job = await grains.GetGrain<IRequestGrain>(id).GetView();
            if (job is null || job.HubSlug != hub) return Result<FundEntry>.Invalid("RequestId", Reason.FundJobNotOnHub);
            if (job.HeldBy(volunteer) is null && !job.PastAssignments.Any(a => a.VolunteerId == volunteer)) return Result<FundEntry>.Invalid("RequestId", Reason.FundNotTheirJob);
        }
        var entry = new NewFundEntry(FundEntryKind.ReimbursementAsked, amount, category, note ?? "", user.Actor)
        {
            PayeeVolunteerId = volunteer,
            PayeeName = view.Profile.Name,
            RequestId = requestId,
        };
        return await Write(hub, entry, receipt);
    }

    /// <summary>
    /// The job an ask may be linked to: <paramref name="requestId"/> when it is on this hub's board, and
    /// null for a request of another hub exactly as for no request, so the form tells nobody that the id
    /// exists elsewhere.
    /// </summary>
    public async Task<Guid?> JobOfHub(string hub, Guid? requestId) =>
        requestId is { } id && await MayAsk(hub) && (await grains.GetGrain<IRequestGrain>(id).GetView())?.HubSlug == hub ? id : null;

    public async Task<Result<FundEntry>> Approve(string hub, Guid askId)
    {
        if (!await MayApprove(hub)) return Result<FundEntry>.Refused(Reason.FundNeedsCoordinator);
        // The fund refuses a payee it was told is erased; one erased before funds were told is known
        // by the volunteer's tombstone, and money must not go to them either.
        if (await PayeeErased(hub, askId)) return Result<FundEntry>.Refused(Reason.FundPayeeErased);
        var result = await Fund(hub).Approve(askId, user.Actor);
        if (result.IsOk) LogApproved(logger, hub, askId, user.LogId);
        return result;
    }

    private async Task<bool> PayeeErased(string hub, Guid askId) =>
        (await Fund(hub).GetLedger()).Entries.FirstOrDefault(e => e.Id == askId)?.PayeeVolunteerId is { } payee
        && await grains.GetGrain<IVolunteerGrain>(payee).GetView() is { } view
        && view.Profile.Name == ContactDetails.ErasedName;

    public async Task<Result<FundEntry>> Reverse(string hub, Guid entryId, string note) =>
        await MayManage(hub) ? await Fund(hub).Reverse(entryId, note ?? "", user.Actor) : Result<FundEntry>.Refused(Reason.FundNeedsCoordinator);

    public async Task<Result<string>> SetCurrency(string hub, string currency) =>
        await MayManage(hub) ? await Fund(hub).SetCurrency(currency ?? "", user.Actor) : Result<string>.Refused(Reason.FundNeedsCoordinator);

    /// <summary>A receipt photo of this hub's ledger, for its coordinators.</summary>
    public async Task<FundReceipt?> Receipt(string hub, Guid entryId) =>
        await MayManage(hub) && await grains.GetGrain<IFundReceiptGrain>(entryId).Read() is { } receipt && receipt.HubSlug == hub ? receipt : null;

    /// <summary>Whom an organiser may ask for: the hub's volunteers by name.</summary>
    public async Task<IReadOnlyList<VolunteerSummary>> Volunteers(string hub) =>
        await user.Can(Ability.Dispatch, hub)
            ? [.. (await grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Volunteers.Where(v => v.Name != ContactDetails.ErasedName).OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)]
            : [];

    private async Task<Result<FundEntry>> Write(string hub, NewFundEntry entry, FundReceiptUpload? receipt)
    {
        var errors = entry.Validate();
        if (errors.Count > 0) return Result<FundEntry>.Invalid(errors);
        if (receipt is not null)
        {
            // The photo is kept first under the entry's id; a crash before the entry leaves an orphan photo nobody can read.
            var id = Guid.NewGuid();
            var stored = await grains.GetGrain<IFundReceiptGrain>(id).Store(new FundReceipt(hub, receipt.ContentType, receipt.Bytes));
            if (!stored.IsOk) return stored.As<FundEntry>();
            entry = entry with { ReceiptId = id };
        }

        var result = await Fund(hub).Record(entry);
        if (result.IsOk) LogRecorded(logger, hub, result.Value!.Id, entry.Kind, user.LogId);
        return result;
    }

    private IHubFundGrain Fund(string hub) => grains.GetGrain<IHubFundGrain>(hub);

    // Ids only: donors' and volunteers' names and amounts stay in the ledger.
    [LoggerMessage(Level = LogLevel.Information, Message = "Fund {Hub}: {Kind} {EntryId} recorded by {UserId}")]
    private static partial void LogRecorded(ILogger logger, string hub, Guid entryId, FundEntryKind kind, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fund {Hub}: reimbursement {AskId} approved by {UserId}")]
    private static partial void LogApproved(ILogger logger, string hub, Guid askId, string userId);
}

/// <summary>A receipt photo as it came from the browser, already read into memory (bounded by the page).</summary>
public sealed record FundReceiptUpload(string ContentType, byte[] Bytes);
