namespace MutualAid.Offers;

/// <summary>An edit of a live offer: the changes, checked against the version the caller saw, like every command.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditOffer")]
public sealed record EditOffer(int ExpectedVersion, Actor Actor, [property: Id(160)] OfferChanges Changes) : VersionedOfferCommand(ExpectedVersion, Actor);
