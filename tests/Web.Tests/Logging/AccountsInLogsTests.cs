using MutualAid.ApiTokens;
using MutualAid.Fund;
using MutualAid.Web.Fund;

namespace MutualAid.Web.Tests.Logging;

/// <summary>Accounts are keyed by email; what a log line says of the people acting and acted on is a hashed id only.</summary>
public sealed class AccountsInLogsTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;

    [Fact]
    public async Task Team_fund_and_token_actions_log_accounts_by_a_hashed_id_never_an_email_or_name()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var dorian = await world.Join(new RoleGrant(Role.Dispatcher, Hub), cora, "Dorian");
        var velma = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, "Velma");
        var team = await world.TeamAs(world.Coordinator);
        var imported = await Seed.Volunteer(world.Factory.Grains, Hub, "Imported Ingrid");
        await Wait.Until(async () => (await team.VolunteersWithoutAccount(Hub)).Any(v => v.Id == imported), "the imported volunteer is offered");

        Assert.True((await team.InviteExistingVolunteer(Hub, imported, null, TimeSpan.FromDays(1))).IsOk);
        var link = await world.Accounts.Invite(new RoleGrant(Role.Dispatcher, Hub), null, TimeSpan.FromDays(1), cora);
        Assert.True((await team.RevokeLink(Hub, AccountService.TokenKey(link.Value!))).IsOk);
        Assert.True((await team.RemoveRole(Hub, dorian, Role.Dispatcher)).IsOk);
        Assert.True((await team.IssuePasswordReset(Hub, velma)).IsOk);
        Assert.True((await (await world.TeamAs(world.Admin)).SetDisabled(velma, true)).IsOk);
        var fund = await world.As<FundService>(world.Coordinator);
        var donation = await fund.Record(Hub, new NewFundEntry(FundEntryKind.Donation, 20m, RequestCategory.Food, "Bakery", cora));
        Assert.True(donation.IsOk, donation.Message);
        var tokens = await world.As<ApiTokenService>(world.Coordinator);
        var token = await tokens.Issue(Hub, "Food bank sheet", ApiTokenScope.Read, NewApiToken.DefaultLifetimeDays);
        Assert.True(token.IsOk, token.Message);
        Assert.True((await tokens.Revoke(Hub, token.Value!.Token.Id)).IsOk);

        var lines = world.Factory.Logs.Lines;
        string[] names = ["Ada Admin", "Cora", "Otto", "Dorian", "Velma", "Ingrid"];
        // An email, not a role grant ("Dispatcher@board" names a role at a hub, nobody).
        var email = new System.Text.RegularExpressions.Regex(@"[^\s@=]+@[^\s@]+\.[a-z]{2,}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var leaked = lines.Where(l => email.IsMatch(l) || names.Any(n => l.Contains(n, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("", string.Join("\n", leaked)); // the lines themselves, should any leak
        // Still one stable id per account, the same in web and silo lines, so an operator can follow it.
        var coraId = LogSafe.Account(world.Coordinator);
        Assert.Matches("^acct:[0-9a-f]{12}$", coraId);
        Assert.Contains(lines, l => l.Contains($"recorded by {coraId}", StringComparison.Ordinal) && l.Contains("FundService", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"recorded by {coraId}", StringComparison.Ordinal) && l.Contains("HubFundGrain", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"removed from {LogSafe.Account(dorian)} by {coraId}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"Account {LogSafe.Account(velma)} disabled=True by {LogSafe.Account(world.Admin)}", StringComparison.Ordinal));
    }
}
