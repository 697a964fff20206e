using MutualAid.Fund;

namespace MutualAid.Grains.Tests.Fund;

[Collection(ClusterCollection.Name)]
public sealed class HubFundTests(ClusterFixture fixture)
{
    private static readonly Actor Ana = new("ana@example.org", "Ana");
    private static readonly Actor Ben = new("ben@example.org", "Ben");

    private IHubFundGrain NewFund() => fixture.Grains.GetGrain<IHubFundGrain>(Domain.NewSlug("fund"));

    private static NewFundEntry Ask(decimal amount, Actor by) =>
        new(FundEntryKind.ReimbursementAsked, amount, RequestCategory.Groceries, "Shopping for Elm Street", by) { PayeeVolunteerId = Guid.NewGuid(), PayeeName = "Priya" };

    [Fact]
    public async Task Fifty_concurrent_approvals_pay_a_reimbursement_once_and_the_balance_is_the_sum_of_the_entries()
    {
        var fund = NewFund();
        Assert.True((await fund.Record(new NewFundEntry(FundEntryKind.Donation, 200m, RequestCategory.Groceries, "", Ana))).IsOk);
        var ask = (await fund.Record(Ask(42.50m, Ana))).Value!;

        var approvers = Enumerable.Range(0, 50).Select(i => new Actor($"coordinator{i}@example.org", $"Coordinator {i}")).ToArray();
        var results = await Task.WhenAll(approvers.Select(a => fund.Approve(ask.Id, a)));

        var paid = Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r => Assert.Equal(Reason.FundAlreadyApproved, r.Reason));
        var ledger = await fund.GetLedger();
        Assert.Single(ledger.Entries, e => e.Kind == FundEntryKind.ReimbursementPaid && e.RefersTo == ask.Id);
        Assert.Equal(paid.Value!.Id, ledger.Entries[^1].Id);
        Assert.Equal(157.50m, ledger.Balance);
        Assert.Equal(ledger.Entries.Sum(e => e.Effect), ledger.Balance);
        Assert.Empty(ledger.Waiting);
    }

    [Fact]
    public async Task An_ask_is_followed_by_who_made_it_and_who_it_pays_to_payment_or_withdrawal()
    {
        var fund = NewFund();
        var priya = Guid.NewGuid();
        var forPriya = (await fund.Record(Ask(10m, Ana) with { PayeeVolunteerId = priya })).Value!;
        var withdrawn = (await fund.Record(Ask(4m, Ana))).Value!;
        var bens = (await fund.Record(Ask(6m, Ben))).Value!;
        Assert.True((await fund.Approve(forPriya.Id, Ben)).IsOk);
        Assert.True((await fund.Reverse(withdrawn.Id, "bought twice", Ben)).IsOk);

        var anas = await fund.GetAsks("ANA@example.org", null);
        Assert.Equal([withdrawn.Id, forPriya.Id], anas.Select(a => a.Ask.Id)); // newest first, whatever the address's case
        Assert.Equal([FundAskState.Withdrawn, FundAskState.Paid], anas.Select(a => a.State));
        Assert.All(anas, a => Assert.NotNull(a.SettledAt));
        var priyas = Assert.Single(await fund.GetAsks("priya@example.org", priya));
        Assert.Equal((forPriya.Id, FundAskState.Paid), (priyas.Ask.Id, priyas.State));
        var waiting = Assert.Single(await fund.GetAsks(Ben.UserId, null));
        Assert.Equal((bens.Id, FundAskState.Waiting, (DateTimeOffset?)null), (waiting.Ask.Id, waiting.State, waiting.SettledAt));
        Assert.Empty(await fund.GetAsks("someone@example.org", Guid.NewGuid()));
    }

    [Fact]
    public async Task A_coordinator_cannot_approve_their_own_ask_and_another_can()
    {
        var fund = NewFund();
        var ask = (await fund.Record(Ask(10m, Ana))).Value!;

        var own = await fund.Approve(ask.Id, Ana with { DisplayName = "Ana again" });
        Assert.Equal(ResultStatus.Refused, own.Status);
        Assert.Equal(Reason.FundSelfApproval, own.Reason);
        Assert.Equal(0m, (await fund.GetLedger()).Balance);

        var other = await fund.Approve(ask.Id, Ben);
        Assert.True(other.IsOk, other.Message);
        Assert.Equal(Ben, other.Value!.RecordedBy); // the ledger says who approved it
        Assert.Equal(-10m, (await fund.GetLedger()).Balance);
    }

    [Fact]
    public async Task A_mistake_is_undone_by_a_reversing_entry_and_nothing_is_edited()
    {
        var fund = NewFund();
        var wrong = (await fund.Record(new NewFundEntry(FundEntryKind.Purchase, 99m, RequestCategory.Food, "Rice", Ana))).Value!;
        var reversal = await fund.Reverse(wrong.Id, "typed 99 for 9", Ben);
        Assert.True(reversal.IsOk, reversal.Message);
        Assert.Equal(Reason.FundAlreadyReversed, (await fund.Reverse(wrong.Id, "again", Ben)).Reason);
        Assert.Equal(Reason.FundCannotReverse, (await fund.Reverse(reversal.Value!.Id, "undo", Ben)).Reason);

        var ledger = await fund.GetLedger();
        Assert.Equal(new[] { wrong, reversal.Value }, ledger.Entries);
        Assert.Equal(0m, ledger.Balance);

        // A withdrawn ask can no longer be approved.
        var ask = (await fund.Record(Ask(5m, Ana))).Value!;
        Assert.True((await fund.Reverse(ask.Id, "asked twice", Ana)).IsOk);
        Assert.Equal(Reason.FundWithdrawn, (await fund.Approve(ask.Id, Ben)).Reason);
    }

    [Fact]
    public async Task Totals_sum_by_category_and_carry_no_names()
    {
        var fund = NewFund();
        await fund.Record(new NewFundEntry(FundEntryKind.Donation, 100m, RequestCategory.Food, "", Ana) { DonorName = "Quillon Vardebrook", Anonymous = true });
        await fund.Record(new NewFundEntry(FundEntryKind.Donation, 50m, RequestCategory.Food, "", Ana) { DonorName = "Open Donor" });
        await fund.Record(new NewFundEntry(FundEntryKind.Donation, 30m, RequestCategory.Transport, "", Ana));
        await fund.Record(new NewFundEntry(FundEntryKind.Purchase, 20m, RequestCategory.Food, "Rice", Ana));
        var ask = (await fund.Record(Ask(12m, Ana))).Value!;
        await fund.Approve(ask.Id, Ben);

        var totals = await fund.GetTotals(DateTimeOffset.MinValue);
        Assert.Equal("EUR", totals.Currency);
        Assert.Equal(new[] { new FundCategoryAmount("Food", 150m), new FundCategoryAmount("Transport", 30m) }, totals.In);
        Assert.Equal(new[] { new FundCategoryAmount("Food", 20m), new FundCategoryAmount("Groceries", 12m) }, totals.Out);
        var said = System.Text.Json.JsonSerializer.Serialize(totals);
        Assert.DoesNotContain("Quillon", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Open Donor", said, StringComparison.Ordinal);
        Assert.Empty((await fund.GetTotals(DateTimeOffset.UtcNow.AddMinutes(1))).In);

        // The ledger keeps the anonymous donor's name for coordinators; the stripped line does not.
        var entry = (await fund.GetLedger()).Entries[0];
        Assert.Equal("Quillon Vardebrook", entry.DonorName);
        Assert.Null(entry.WithoutDonor().DonorName);
    }

    [Fact]
    public async Task Amounts_notes_and_currency_are_checked()
    {
        var fund = NewFund();
        Assert.Equal(Reason.FundAmountRange, (await fund.Record(new NewFundEntry(FundEntryKind.Donation, 0m, RequestCategory.Food, "", Ana))).Reason);
        Assert.Equal(Reason.FundAmountRange, (await fund.Record(new NewFundEntry(FundEntryKind.Donation, 1.005m, RequestCategory.Food, "", Ana))).Reason);
        Assert.Equal(Reason.FundSayWhatFor, (await fund.Record(new NewFundEntry(FundEntryKind.Purchase, 3m, RequestCategory.Food, " ", Ana))).Reason);
        Assert.Equal(Reason.FundChoosePayee, (await fund.Record(Ask(3m, Ana) with { PayeeVolunteerId = null })).Reason);
        Assert.Equal(Reason.FundChooseKind, (await fund.Record(new NewFundEntry(FundEntryKind.ReimbursementPaid, 3m, RequestCategory.Food, "x", Ana))).Reason);
        Assert.Equal("GBP", (await fund.SetCurrency("gbp", Ana)).Value);
        Assert.Equal(Reason.FundCurrencyShape, (await fund.SetCurrency("pounds", Ana)).Reason);
        await fund.Record(new NewFundEntry(FundEntryKind.Donation, 1m, RequestCategory.Food, "", Ana));
        Assert.Equal(Reason.FundCurrencyFixed, (await fund.SetCurrency("EUR", Ana)).Reason);
        Assert.Equal("GBP", (await fund.GetTotals(DateTimeOffset.MinValue)).Currency);
    }
}
