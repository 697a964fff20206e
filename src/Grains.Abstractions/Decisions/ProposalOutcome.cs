namespace MutualAid.Decisions;

/// <summary>
/// What a proposal came to at its deadline: votes per option (in the options' order), objections,
/// and the option with the most votes (null when nobody voted or the top options tie).
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ProposalOutcome")]
public sealed record ProposalOutcome(
    [property: Id(0)] DateTimeOffset ClosedAt,
    [property: Id(1)] IReadOnlyList<int> Votes,
    [property: Id(2)] int Objections,
    [property: Id(3)] int? Winner)
{
    public static ProposalOutcome Tally(IReadOnlyList<string> options, IEnumerable<Ballot> ballots, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = ballots.ToArray();
        var votes = options.Select((_, i) => all.Count(b => b.Option == i)).ToArray();
        var top = votes.Length == 0 ? 0 : votes.Max();
        int? winner = top > 0 && votes.Count(v => v == top) == 1 ? Array.IndexOf(votes, top) : null;
        return new ProposalOutcome(closedAt, votes, all.Count(b => b.IsObjection), winner);
    }
}
