using MutualAid.Offers;

namespace MutualAid.Silo.Offers;

[GenerateSerializer, Alias("MutualAid.Silo.OfferState")]
public sealed class OfferState
{
    [Id(0)] public OfferView? View { get; set; }
}
