namespace MutualAid.Offers;

/// <summary>
/// What every command on an offer of a hub's board carries: the version its caller saw, who acts,
/// and the hub it was authorised on (the request commands' <see cref="Requests.VersionedCommand"/>, for offers).
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VersionedOfferCommand")]
public abstract record VersionedOfferCommand([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor) : IOfferCommand
{
    [Id(20)] public string? Hub { get; init; }
}
