namespace MutualAid.Offers;

/// <summary>
/// Uses part of an offer for a request, on the version the caller saw: a "Use" pressed in a tab that
/// still shows an older version is told who took from it first, instead of taking again unseen.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.DrawDownOffer")]
public sealed record DrawDownOffer(int ExpectedVersion, Actor Actor, [property: Id(2)] decimal Amount, [property: Id(3)] Guid? RequestId) : VersionedOfferCommand(ExpectedVersion, Actor);
