namespace MutualAid.Offers;

/// <summary>Pause, resume or withdraw an offer, on the version the caller saw; the reason goes into the offer's history.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.OfferCommand")]
public sealed record OfferCommand([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor, [property: Id(2)] string? Reason = null) : IOfferCommand
{
    [Id(20)] public string? Hub { get; init; }
}
