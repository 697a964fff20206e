namespace MutualAid.Offers;

/// <summary>An edit of a live offer: the changes, checked against the version the caller saw, like every command.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditOffer")]
public sealed record EditOffer(
    [property: Id(0)] int ExpectedVersion,
    [property: Id(1)] Actor Actor,
    [property: Id(160)] OfferChanges Changes) : IOfferCommand
{
    [Id(20)] public string? Hub { get; init; }
}
