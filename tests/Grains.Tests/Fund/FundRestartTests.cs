using MutualAid.Fund;

namespace MutualAid.Grains.Tests.Fund;

/// <summary>The ledger is on disk: after a full restart it holds the same lines, and an ask paid before it stays paid once.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class FundRestartTests : SqliteRestartTest
{
    [Fact]
    public async Task The_ledger_and_its_approvals_survive_a_full_restart()
    {
        var hub = Domain.NewSlug("fund");
        var ana = new Actor("ana@example.org", "Ana");
        FundLedger before;
        Guid askId;
        await using (var first = await Start("fund-restart"))
        {
            var fund = first.Client.GetGrain<IHubFundGrain>(hub);
            await fund.Record(new NewFundEntry(FundEntryKind.Donation, 80m, RequestCategory.Food, "", ana) { DonorName = "Kept Private", Anonymous = true });
            askId = (await fund.Record(new NewFundEntry(FundEntryKind.ReimbursementAsked, 25m, RequestCategory.Food, "Bread", ana) { PayeeVolunteerId = Guid.NewGuid() })).Value!.Id;
            Assert.True((await fund.Approve(askId, new Actor("ben@example.org", "Ben"))).IsOk);
            before = await fund.GetLedger();
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("fund-restart");
        var again = second.Client.GetGrain<IHubFundGrain>(hub);
        var after = await again.GetLedger();
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(55m, after.Balance);
        Assert.Equal(Reason.FundAlreadyApproved, (await again.Approve(askId, new Actor("cai@example.org", "Cai"))).Reason);
        Assert.Equal(55m, (await again.GetLedger()).Balance);
        await second.StopAllSilosAsync();
    }
}
