using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MutualAid.Silo.Hosting;
using MutualAid.Decisions;
using MutualAid.Silo.Audit;

namespace MutualAid.Silo.Decisions;

/// <summary>
/// A proposal and its ballots. The deadline is a durable reminder: when it fires (or on the first
/// activation after a restart past the deadline) the grain tallies, records the outcome and
/// unregisters it. Logs carry ids and counts only, never how anyone voted.
/// </summary>
public sealed partial class ProposalGrain(
    [PersistentState("proposal")] IPersistentState<ProposalState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    IOptions<DeadlineOptions> deadlines,
    ILogger<ProposalGrain> logger) : Grain, IProposalGrain, IRemindable
{
    public const string CloseReminder = "proposal-close";
    private static readonly TimeSpan Soonest = TimeSpan.FromSeconds(1);

    private ProposalView? View => state.State.View;

    public async Task<Result<ProposalView>> Propose(NewProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (View is { } existing) return existing.Proposed == proposal ? Result<ProposalView>.Ok(existing) : Result<ProposalView>.Refused(Reason.AlreadyExists, existing.Id);
        var now = clock.GetUtcNow();
        var errors = proposal.Validate(now);
        if (errors.Count > 0) return Result<ProposalView>.Invalid(errors);
        if (!await MemberRoles.IsMember(GrainFactory, proposal.Proposer, proposal.HubSlug)) return Result<ProposalView>.Refused(Reason.DecisionNotMember, proposal.HubSlug);
        IReadOnlyList<string> options = proposal.Options is { Count: > 0 } given ? [.. given.Select(o => o.Trim())] : NewProposal.DefaultOptions;
        var view = new ProposalView(this.GetPrimaryKey(), proposal with { Title = proposal.Title.Trim(), Text = proposal.Text.Trim() }, options, now, [], null);
        // The reminder first: a crash before the write leaves a reminder that finds nothing to close.
        await Arm(proposal.Deadline);
        return await Commit(view);
    }

    public Task<ProposalView?> GetView() => Task.FromResult(View);

    public async Task<Result<ProposalView>> Vote(int? choice, string? objection, Actor voter)
    {
        ArgumentNullException.ThrowIfNull(voter);
        if (View is not { } view) return Result<ProposalView>.NotFound(Reason.DecisionNoSuchProposal);
        if (!view.IsOpen || clock.GetUtcNow() >= view.Proposed.Deadline)
        {
            if (view.IsOpen) await CheckDeadline();
            return Result<ProposalView>.Refused(Reason.DecisionClosed, view.Proposed.Deadline);
        }

        if (!await MemberRoles.IsMember(GrainFactory, voter, view.HubSlug)) return Result<ProposalView>.Refused(Reason.DecisionNotMember, view.HubSlug);
        if (choice is { } chosen && (chosen < 0 || chosen >= view.Options.Count)) return Result<ProposalView>.Invalid("Option", Reason.DecisionNoSuchOption);
        string? reason = null;
        if (choice is null)
        {
            var errors = new List<FieldError>();
            Text.Require(errors, "Objection", objection, Ballot.MaxObjection, Reason.DecisionSayObjection);
            if (errors.Count > 0) return Result<ProposalView>.Invalid(errors);
            reason = objection!.Trim();
        }

        var ballot = new Ballot(voter, choice, reason, clock.GetUtcNow());
        var ballots = view.Ballots.Where(b => b.Voter.UserId != voter.UserId).Append(ballot).ToArray();
        return await Commit(view with { Ballots = ballots });
    }

    public async Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (View is not { } view) return;
        var accounts = command.AccountIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var proposed = accounts.Contains(view.Proposed.Proposer.UserId);
        if (!proposed && !view.Ballots.Any(b => accounts.Contains(b.Voter.UserId))) return;
        var names = Unnaming.WithFirstNames(command.Names);
        var erased = new Actor("erased", ContactDetails.ErasedName);
        var unnamed = view with
        {
            Proposed = proposed
                ? view.Proposed with { Proposer = erased, Title = Unnaming.InText(view.Proposed.Title, names)!, Text = Unnaming.InText(view.Proposed.Text, names)! }
                : view.Proposed,
            // Their vote still counts; only who cast it goes.
            Ballots = [.. view.Ballots.Select(b => accounts.Contains(b.Voter.UserId) ? b with { Voter = erased, Objection = Unnaming.InText(b.Objection, names) } : b)],
        };
        state.State.ScrubOnNextWrite = true;
        await Commit(unnamed);
    }

    public async Task<ProposalView?> CheckDeadline()
    {
        if (View is not { } view) return null;
        var now = clock.GetUtcNow();
        if (view.IsOpen && now >= view.Proposed.Deadline)
        {
            var closed = view with { Outcome = ProposalOutcome.Tally(view.Options, view.Ballots, now) };
            await Commit(closed);
            LogClosed(logger, view.Id, closed.Ballots.Count);
        }

        if (!View!.IsOpen && await this.GetReminder(CloseReminder) is { } reminder) await this.UnregisterReminder(reminder);
        return View;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == CloseReminder ? CheckDeadline() : Task.CompletedTask;

    private async Task Arm(DateTimeOffset deadline)
    {
        var wait = deadline - clock.GetUtcNow();
        await this.RegisterOrUpdateReminder(CloseReminder, wait > Soonest ? wait : Soonest, deadlines.Value.Recheck);
    }

    private async Task<Result<ProposalView>> Commit(ProposalView view)
    {
        var before = state.State.View;
        state.State.View = view;
        await state.WriteOrUndo(() => state.State.View = before);

        // The list is a leaf; telling it again after a lost call is harmless (it keeps the newest).
        await GrainFactory.GetGrain<IHubDecisionsGrain>(view.HubSlug).Track(view.Summarise());
        return Result<ProposalView>.Ok(view);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {ProposalId} closed with {Ballots} ballots")]
    private static partial void LogClosed(ILogger logger, Guid proposalId, int ballots);
}
