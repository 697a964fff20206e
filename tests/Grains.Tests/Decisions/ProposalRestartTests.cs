using MutualAid.Decisions;

namespace MutualAid.Grains.Tests.Decisions;

/// <summary>The deadline is a durable reminder: a silo stopped before it and started after still closes the proposal with its tally.</summary>
[Collection(SqliteTestSilo.Collection)]
public sealed class ProposalRestartTests : SqliteRestartTest
{
    [Fact]
    public async Task A_proposal_closes_at_its_deadline_with_the_right_tally_after_a_full_restart()
    {
        var hub = Domain.NewSlug("votes");
        var id = Guid.NewGuid();
        DateTimeOffset deadline;
        await using (var first = await Start("proposal-restart"))
        {
            var coordinator = await Members.Account(first.Client, "Cora", new RoleGrant(Role.Coordinator, hub));
            var volunteer = await Members.Account(first.Client, "Vic", new RoleGrant(Role.Volunteer, hub));
            var dispatcher = await Members.Account(first.Client, "Dee", new RoleGrant(Role.Dispatcher, hub));
            var grain = first.Client.GetGrain<IProposalGrain>(id);
            // The real clock: the deadline falls after the restart, so only the reminder read back from the file can close it.
            deadline = DateTimeOffset.UtcNow.AddSeconds(8);
            Assert.True((await grain.Propose(new NewProposal(hub, "Weekend rota", "Two people every Saturday", deadline, ["Yes", "No"], coordinator))).IsOk);
            Assert.True((await grain.Vote(1, null, coordinator)).IsOk);
            Assert.True((await grain.Vote(1, null, volunteer)).IsOk);
            Assert.True((await grain.Vote(0, null, dispatcher)).IsOk);
            var table = first.Reminders();
            Assert.NotNull(await table.ReadRow(grain.GetGrainId(), ProposalReminder));
            await first.StopAllSilosAsync();
        }

        await using var second = await Start("proposal-restart");
        var again = second.Client.GetGrain<IProposalGrain>(id);
        // Nobody calls CheckDeadline here: only the reminder closes it.
        await Wait.Until(async () => (await again.GetView())?.Outcome is not null, "the reminder to close the proposal", seconds: 90);
        var outcome = (await again.GetView())!.Outcome!;
        Assert.Equal(new[] { 1, 2 }, outcome.Votes);
        Assert.Equal(1, outcome.Winner);
        Assert.True(outcome.ClosedAt >= deadline);
        var listed = Assert.Single(await second.Client.GetGrain<IHubDecisionsGrain>(hub).Proposals());
        Assert.Equivalent(outcome, listed.Outcome);
        await second.StopAllSilosAsync();
    }

    private const string ProposalReminder = "proposal-close";
}
