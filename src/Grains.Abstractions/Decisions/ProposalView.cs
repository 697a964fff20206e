namespace MutualAid.Decisions;

/// <summary>A proposal as the hub's members see it: for members only, never the public or other hubs.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ProposalView")]
public sealed record ProposalView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NewProposal Proposed,
    [property: Id(2)] IReadOnlyList<string> Options,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] IReadOnlyList<Ballot> Ballots,
    [property: Id(5)] ProposalOutcome? Outcome)
{
    public string HubSlug => Proposed.HubSlug;

    public bool IsOpen => Outcome is null;

    public Ballot? BallotOf(string userId) => Ballots.FirstOrDefault(b => b.Voter.UserId == userId);

    public ProposalSummary Summarise() => new(Id, Proposed.Title, Proposed.Proposer.DisplayName, CreatedAt, Proposed.Deadline, Ballots.Count, Outcome);
}

/// <summary>A line of a hub's list of proposals.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ProposalSummary")]
public sealed record ProposalSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string ProposedBy,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] int Ballots,
    [property: Id(6)] ProposalOutcome? Outcome);
