namespace MutualAid.Offers;

[GenerateSerializer, Immutable, Alias("MutualAid.OfferSuggestion")]
public sealed record OfferSuggestion(
    [property: Id(0)] OfferSummary Offer,
    [property: Id(1)] double Score,
    [property: Id(2)] IReadOnlyList<Phrase> Reasons,
    [property: Id(3)] IReadOnlyList<Phrase> Warnings);
