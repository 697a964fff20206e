namespace MutualAid.Offers;

[GenerateSerializer, Alias("MutualAid.OfferStatus")]
public enum OfferStatus
{
    Open = 0,
    Exhausted = 1,
    Withdrawn = 2,
}
