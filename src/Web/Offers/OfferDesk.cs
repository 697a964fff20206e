using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Web.Offers;

/// <summary>The offer as the board's dialog shows it: the full view (the giver's contact is for the hub's desk) and its history.</summary>
public sealed record OfferDesk(OfferView View, IReadOnlyList<AuditEntry> Audit)
{
    /// <summary>
    /// The code the giver was given by the public form, derived from the offer's id as a request's
    /// is: shown on the board so a giver who phones quoting it can be found.
    /// </summary>
    public static string ReferenceOf(Guid offer) => Silo.Requests.ReferenceCode.For(offer);
}
