using MutualAid.Requests;

namespace MutualAid.Hubs;

/// <summary>"Is this person or this need already on the board?" — asked before and at creation.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.DuplicateProbe")]
public sealed record DuplicateProbe(
    [property: Id(0)] string? ContactKey,
    [property: Id(1)] string Area,
    [property: Id(2)] RequestCategory Category,
    [property: Id(3)] Guid? ExcludeRequestId = null)
{
    public static DuplicateProbe For(ContactDetails contact, string area, RequestCategory category, Guid? exclude = null) =>
        new(contact.MatchKey(), area, category, exclude);
}

/// <summary>A request that may be the same, and why: <see cref="Said"/> in the reader's language, <see cref="Why"/> its English.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.DuplicateMatch")]
public sealed record DuplicateMatch(
    [property: Id(0)] RequestSummary Request,
    [property: Id(1)] string Why)
{
    /// <summary>Absent only in an answer from a silo older than phrases; then <see cref="Why"/> is all there is.</summary>
    [Id(2)] public Phrase? Said { get; init; }

    public static DuplicateMatch Because(RequestSummary request, Reason why, params object[] args)
    {
        var said = why.Say(args);
        return new(request, said.ToString()) { Said = said };
    }
}
