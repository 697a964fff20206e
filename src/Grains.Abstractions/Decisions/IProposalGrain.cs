namespace MutualAid.Decisions;

/// <summary>
/// One proposal (key: a new Guid) and its ballots. Every command names the member acting; the
/// grain checks their account holds a role in the proposal's hub. Its deadline is a durable
/// reminder ("proposal-close") that tallies and records the outcome. It tells its hub's list
/// (a leaf) after each write; nothing calls back.
/// </summary>
[Alias("MutualAid.IProposalGrain")]
public interface IProposalGrain : IGrainWithGuidKey
{
    [Alias("Propose")] Task<Result<ProposalView>> Propose(NewProposal proposal);

    [Alias("GetView")] Task<ProposalView?> GetView();

    /// <summary>Votes for option <paramref name="choice"/>, or objects when it is null (with <paramref name="objection"/>); replaces the member's earlier ballot.</summary>
    [Alias("Vote")] Task<Result<ProposalView>> Vote(int? choice, string? objection, Actor voter);

    /// <summary>
    /// Takes an erased volunteer out of this proposal: as its proposer (with their names out of its
    /// title and text) and as a voter (their ballot and its count stay). Idempotent.
    /// </summary>
    [Alias("ForgetVolunteer")] Task ForgetVolunteer(MutualAid.Requests.ForgetVolunteer command);

    /// <summary>Closes and tallies once the deadline has passed (what the reminder calls); idempotent.</summary>
    [Alias("CheckDeadline")] Task<ProposalView?> CheckDeadline();
}
