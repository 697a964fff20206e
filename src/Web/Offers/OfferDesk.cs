using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Web.Offers;

/// <summary>The offer as the board's dialog shows it: the full view (the giver's contact is for the hub's desk) and its history.</summary>
public sealed record OfferDesk(OfferView View, IReadOnlyList<AuditEntry> Audit);
