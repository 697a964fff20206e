using Microsoft.Extensions.Logging;
using MutualAid.Fund;
using MutualAid.Silo.Audit;

namespace MutualAid.Silo.Fund;

/// <summary>
/// A hub's fund: an append-only ledger. Balances are sums of the entries, computed on every read.
/// Turns never interleave, so an approval sees every earlier one: an ask is paid exactly once.
/// Logs carry ids and kinds only (never donors' or volunteers' names).
/// </summary>
public sealed partial class HubFundGrain(
    [PersistentState("fund")] IPersistentState<HubFundState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<HubFundGrain> logger) : Grain, IHubFundGrain
{
    public const string DefaultCurrency = "EUR";

    private List<FundEntry> Entries => state.State.Entries;

    private string Hub => this.GetPrimaryKeyString();

    public Task<FundTotals> GetTotals(DateTimeOffset since)
    {
        // Reversals count against the side of the entry they undo, so a corrected mistake nets to nothing.
        var lines = Entries.Where(e => e.At >= since && e.Effect != 0m).ToArray();
        var moneyIn = Sum(lines.Where(e => e.Kind == FundEntryKind.Donation || (e.Kind == FundEntryKind.Reversal && e.ReversedEffect > 0)), e => e.Effect);
        var moneyOut = Sum(lines.Where(e => e.Kind is FundEntryKind.Purchase or FundEntryKind.ReimbursementPaid || (e.Kind == FundEntryKind.Reversal && e.ReversedEffect < 0)), e => -e.Effect);
        return Task.FromResult(new FundTotals(state.State.Currency, moneyIn, moneyOut));
    }

    public Task<FundLedger> GetLedger() => Task.FromResult(new FundLedger(Hub, state.State.Currency, Entries.ToArray()));

    public Task<IReadOnlyList<FundAsk>> GetAsks(string askedBy, Guid? payee)
    {
        IReadOnlyList<FundAsk> asks =
        [
            .. Entries
                .Where(e => e.Kind == FundEntryKind.ReimbursementAsked
                    && (string.Equals(e.RecordedBy.UserId, askedBy, StringComparison.OrdinalIgnoreCase) || (payee is not null && e.PayeeVolunteerId == payee)))
                .Reverse()
                .Select(ask => Entries.FirstOrDefault(e => e.RefersTo == ask.Id) is { } after
                    ? new FundAsk(ask, after.Kind == FundEntryKind.ReimbursementPaid ? FundAskState.Paid : FundAskState.Withdrawn, after.At)
                    : new FundAsk(ask, FundAskState.Waiting, null)),
        ];
        return Task.FromResult(asks);
    }

    public async Task<Result<FundEntry>> Record(NewFundEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = entry.Validate();
        if (errors.Count > 0) return Result<FundEntry>.Invalid(errors);
        if (entry.Kind == FundEntryKind.ReimbursementAsked && entry.PayeeVolunteerId is { } payee && state.State.ErasedPayees.Contains(payee))
        {
            return Result<FundEntry>.Refused(Reason.FundPayeeErased);
        }

        var id = entry.ReceiptId ?? Guid.NewGuid();
        // A retried call (same receipt id) answers with the line it already wrote.
        if (Entries.FirstOrDefault(e => e.Id == id) is { } known) return Result<FundEntry>.Ok(known);
        var anonymous = entry.Kind == FundEntryKind.Donation && entry.Anonymous;
        var line = new FundEntry(id, entry.Kind, entry.Amount, entry.Category, entry.Note?.Trim() ?? "", clock.GetUtcNow(), entry.RecordedBy)
        {
            DonorName = entry.Kind == FundEntryKind.Donation ? Blank(entry.DonorName) : null,
            Anonymous = anonymous,
            PayeeVolunteerId = entry.Kind == FundEntryKind.ReimbursementAsked ? entry.PayeeVolunteerId : null,
            PayeeName = entry.Kind == FundEntryKind.ReimbursementAsked ? Blank(entry.PayeeName) : null,
            RequestId = entry.Kind == FundEntryKind.Donation ? null : entry.RequestId,
            HasReceiptPhoto = entry.ReceiptId is not null && entry.Kind != FundEntryKind.Donation,
        };
        return await Append(line);
    }

    public async Task<Result<FundEntry>> Approve(Guid askId, Actor approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (Entries.FirstOrDefault(e => e.Id == askId) is not { } ask) return Result<FundEntry>.NotFound(Reason.FundNoSuchEntry);
        if (ask.Kind != FundEntryKind.ReimbursementAsked) return Result<FundEntry>.Refused(Reason.FundNotAnAsk);
        if (Entries.FirstOrDefault(e => e.RefersTo == askId) is { } after)
        {
            return after.Kind == FundEntryKind.ReimbursementPaid
                ? Result<FundEntry>.Refused(Reason.FundAlreadyApproved, after.RecordedBy.DisplayName)
                : Result<FundEntry>.Refused(Reason.FundWithdrawn);
        }

        if (ask.PayeeVolunteerId is { } payee && state.State.ErasedPayees.Contains(payee)) return Result<FundEntry>.Refused(Reason.FundPayeeErased);
        if (string.Equals(ask.RecordedBy.UserId, approver.UserId, StringComparison.OrdinalIgnoreCase)) return Result<FundEntry>.Refused(Reason.FundSelfApproval);
        var paid = new FundEntry(Guid.NewGuid(), FundEntryKind.ReimbursementPaid, ask.Amount, ask.Category, ask.Note, clock.GetUtcNow(), approver)
        {
            PayeeVolunteerId = ask.PayeeVolunteerId,
            PayeeName = ask.PayeeName,
            RequestId = ask.RequestId,
            RefersTo = ask.Id,
        };
        return await Append(paid);
    }

    public async Task<Result<FundEntry>> Reverse(Guid entryId, string note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Entries.FirstOrDefault(e => e.Id == entryId) is not { } entry) return Result<FundEntry>.NotFound(Reason.FundNoSuchEntry);
        if (entry.Kind == FundEntryKind.Reversal) return Result<FundEntry>.Refused(Reason.FundCannotReverse);
        if (Entries.FirstOrDefault(e => e.RefersTo == entryId) is { } later)
        {
            return later.Kind == FundEntryKind.ReimbursementPaid ? Result<FundEntry>.Refused(Reason.FundReversePayment) : Result<FundEntry>.Refused(Reason.FundAlreadyReversed);
        }

        var errors = new List<FieldError>();
        Text.Require(errors, "Note", note, NewFundEntry.MaxNote, Reason.FundSayWhy, multiLine: true);
        if (errors.Count > 0) return Result<FundEntry>.Invalid(errors);
        var reversal = new FundEntry(Guid.NewGuid(), FundEntryKind.Reversal, entry.Amount, entry.Category, note.Trim(), clock.GetUtcNow(), actor)
        {
            RefersTo = entry.Id,
            ReversedEffect = entry.Effect,
            RequestId = entry.RequestId,
        };
        return await Append(reversal);
    }

    public async Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var accounts = command.AccountIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = Unnaming.WithFirstNames(command.Names);
        // A first name is taken as theirs only on their own lines; elsewhere only a full name is (as the outbox does).
        var full = command.Names.Select(n => n.Trim()).Where(n => n.Length > 0 && n != ContactDetails.ErasedName).ToArray();
        var erased = new Actor("erased", ContactDetails.ErasedName);
        bool Paid(FundEntry e) => e.PayeeVolunteerId == command.VolunteerId;
        bool Recorded(FundEntry e) => accounts.Contains(e.RecordedBy.UserId);
        FundEntry Unnamed(FundEntry e) => e with
        {
            PayeeName = Paid(e) ? ContactDetails.ErasedName : e.PayeeName,
            RecordedBy = Recorded(e) ? erased : e.RecordedBy,
            Note = Unnaming.InText(e.Note, Paid(e) || Recorded(e) ? names : full)!,
        };

        var unnamed = Entries.Select(Unnamed).ToList();
        var known = state.State.ErasedPayees.Contains(command.VolunteerId);
        if (known && unnamed.SequenceEqual(Entries)) return;
        state.State.Entries = unnamed;
        if (!known) state.State.ErasedPayees.Add(command.VolunteerId);
        state.State.ScrubOnNextWrite = true;
        await state.WriteStateAsync();
    }

    public async Task<Result<string>> SetCurrency(string currency, Actor actor)
    {
        var code = currency?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) return Result<string>.Invalid("Currency", Reason.FundCurrencyShape);
        if (code == state.State.Currency) return Result<string>.Ok(code);
        if (Entries.Count > 0) return Result<string>.Refused(Reason.FundCurrencyFixed);
        state.State.Currency = code;
        await state.WriteStateAsync();
        return Result<string>.Ok(code);
    }

    private async Task<Result<FundEntry>> Append(FundEntry line)
    {
        Entries.Add(line);
        await state.WriteOrUndo(() => Entries.RemoveAt(Entries.Count - 1));

        // An account's id is its email; the log names it by a hash only (one per entry: cheap beside the write).
        var by = LogSafe.Account(line.RecordedBy.UserId);
        LogEntry(logger, Hub, line.Id, line.Kind, by);
        return Result<FundEntry>.Ok(line);
    }

    private static IReadOnlyList<FundCategoryAmount> Sum(IEnumerable<FundEntry> lines, Func<FundEntry, decimal> amount) =>
        [.. lines.GroupBy(e => e.Category).OrderBy(g => g.Key).Select(g => new FundCategoryAmount(g.Key.ToString(), g.Sum(amount)))];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fund {Hub}: entry {EntryId} ({Kind}) recorded by {UserId}")]
    private static partial void LogEntry(ILogger logger, string hub, Guid entryId, FundEntryKind kind, string userId);
}
