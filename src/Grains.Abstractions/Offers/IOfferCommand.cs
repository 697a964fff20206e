namespace MutualAid.Offers;

/// <summary>
/// An offer command checked against the version its caller saw, and limited to a hub when it names
/// one: the offer grain answers an offer of another hub as if it did not exist, so the web tier
/// authorises on the hub it was asked about without reading the offer first.
/// </summary>
public interface IOfferCommand
{
    int ExpectedVersion { get; }

    Actor Actor { get; }

    /// <summary>When set, an offer of another hub answers NotFound (Reason.NoSuchOffer) and changes nothing.</summary>
    string? Hub { get; }
}
