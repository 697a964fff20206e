namespace MutualAid.Offers;

[GenerateSerializer, Alias("MutualAid.OfferStatus")]
public enum OfferStatus
{
    Open = 0,
    Exhausted = 1,
    Withdrawn = 2,
    /// <summary>Set aside by a coordinator: stays on the board, but is not suggested, drawn down or counted until resumed.</summary>
    Paused = 3,
    /// <summary>Its expiry time passed (closed by the clock, as withdrawn is closed by a person).</summary>
    Expired = 4,
}
