namespace MutualAid.Safety;

/// <summary>Everything about a concern: only ever handed to the hub's safeguarding role.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ConcernView")]
public sealed record ConcernView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NewConcern Raised,
    [property: Id(2)] DateTimeOffset RaisedAt,
    [property: Id(3)] ConcernStage Stage,
    [property: Id(4)] IReadOnlyList<ConcernStep> Steps,
    [property: Id(5)] bool KeptApart)
{
    /// <summary>"Do not pair" needs both people named.</summary>
    public bool CanKeepApart => Raised.RaisedByParty is not null && Raised.AboutParty is not null && Raised.RaisedByParty != Raised.AboutParty;
}
