using MutualAid.Fund;

namespace MutualAid.Grains.Tests.Fund;

/// <summary>The ledger is on disk: after a full restart it holds the same lines, and an ask paid before it stays paid once.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class FundRestartTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mutualaid-fund-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_ledger_and_its_approvals_survive_a_full_restart()
    {
        SqliteTestSilo.DatabasePath = Path.Combine(folder, "mutualaid.db");
        var hub = Domain.NewSlug("fund");
        var ana = new Actor("ana@example.org", "Ana");
        FundLedger before;
        Guid askId;
        await using (var first = await TestClusters.Start<SqliteTestSilo>(serviceId: "fund-restart"))
        {
            var fund = first.Client.GetGrain<IHubFundGrain>(hub);
            await fund.Record(new NewFundEntry(FundEntryKind.Donation, 80m, RequestCategory.Food, "", ana) { DonorName = "Kept Private", Anonymous = true });
            askId = (await fund.Record(new NewFundEntry(FundEntryKind.ReimbursementAsked, 25m, RequestCategory.Food, "Bread", ana) { PayeeVolunteerId = Guid.NewGuid() })).Value!.Id;
            Assert.True((await fund.Approve(askId, new Actor("ben@example.org", "Ben"))).IsOk);
            before = await fund.GetLedger();
            await first.StopAllSilosAsync();
        }

        await using var second = await TestClusters.Start<SqliteTestSilo>(serviceId: "fund-restart");
        var again = second.Client.GetGrain<IHubFundGrain>(hub);
        var after = await again.GetLedger();
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(55m, after.Balance);
        Assert.Equal(Reason.FundAlreadyApproved, (await again.Approve(askId, new Actor("cai@example.org", "Cai"))).Reason);
        Assert.Equal(55m, (await again.GetLedger()).Balance);
        await second.StopAllSilosAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
