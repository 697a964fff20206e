namespace MutualAid.Offers;

/// <summary>A hub takes an offer shared with its region, on the version the caller saw.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.MoveOffer")]
public sealed record MoveOffer([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor, [property: Id(2)] string ToHub) : IOfferCommand
{
    /// <summary>The offer is on another hub's board (that is the point), so no hub limits the command.</summary>
    public string? Hub => null;
}
