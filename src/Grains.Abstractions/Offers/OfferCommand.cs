namespace MutualAid.Offers;

/// <summary>Pause, resume or withdraw an offer, on the version the caller saw; the reason goes into the offer's history.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.OfferCommand")]
public sealed record OfferCommand(int ExpectedVersion, Actor Actor, [property: Id(2)] string? Reason = null) : VersionedOfferCommand(ExpectedVersion, Actor);
