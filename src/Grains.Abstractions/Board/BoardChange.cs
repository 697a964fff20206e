using System.Text.Json.Serialization;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Board;

/// <summary>One change to a board. Every payload is already redacted.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.BoardChange")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RequestUpserted), "requestUpserted")]
[JsonDerivedType(typeof(RequestRemoved), "requestRemoved")]
[JsonDerivedType(typeof(VolunteerUpserted), "volunteerUpserted")]
[JsonDerivedType(typeof(VolunteerRemoved), "volunteerRemoved")]
[JsonDerivedType(typeof(OfferUpserted), "offerUpserted")]
[JsonDerivedType(typeof(OfferRemoved), "offerRemoved")]
public abstract record BoardChange;

/// <summary>A request appeared on the board or changed while open.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestUpserted")]
public sealed record RequestUpserted([property: Id(0)] RequestSummary Request) : BoardChange;

/// <summary>A request left the open board (fulfilled, cancelled, escalated away).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestRemoved")]
public sealed record RequestRemoved([property: Id(0)] Guid RequestId, [property: Id(1)] RequestStatus FinalStatus) : BoardChange;

[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerUpserted")]
public sealed record VolunteerUpserted([property: Id(0)] VolunteerSummary Volunteer) : BoardChange;

[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerRemoved")]
public sealed record VolunteerRemoved([property: Id(0)] Guid VolunteerId) : BoardChange;

[GenerateSerializer, Immutable, Alias("MutualAid.OfferUpserted")]
public sealed record OfferUpserted([property: Id(0)] OfferSummary Offer) : BoardChange;

[GenerateSerializer, Immutable, Alias("MutualAid.OfferRemoved")]
public sealed record OfferRemoved([property: Id(0)] Guid OfferId, [property: Id(1)] OfferStatus FinalStatus) : BoardChange;
