using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Silo.Hubs;

/// <summary>
/// Whether an open offer fits a request, and why, in words a dispatcher can check. Pure.
/// Null when it cannot fit at all (another category, nothing left, already over).
/// </summary>
public static class OfferMatcher
{
    public static Suggestion<OfferSummary>? Score(RequestSummary request, OfferSummary offer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(offer);
        if (!OfferRules.CanGive(offer, now) || offer.Category != request.Category || offer.Remaining <= 0) return null;

        double score = 1;
        var reasons = new List<Phrase> { Phrase.Of("OfferLeft", "{0}: {1:0.##} {2} left", offer.Category, offer.Remaining, offer.Unit) };
        var warnings = new List<Phrase>();
        if (offer.Area is { Length: > 0 } area && string.Equals(Text.Plain(area), Text.Plain(request.Area), StringComparison.Ordinal))
        {
            score += 2;
            reasons.Add(Phrase.Of("SameArea", "Same area ({0})", area));
        }

        if (offer.AvailableFrom is { } from && from > now)
        {
            if (request.NeededBy is { } neededBy && from > neededBy)
            {
                score -= 2;
                warnings.Add(Phrase.Of("OnlyFromTooLate", "Only from {0:ddd HH:mm}, after it is needed", from));
            }
            else
            {
                reasons.Add(Phrase.Of("From", "From {0:ddd HH:mm}", from));
            }
        }
        else
        {
            score += 1;
            reasons.Add(Phrase.Of("OfferAvailableNow", "Available now"));
        }

        return new Suggestion<OfferSummary>(offer, score, reasons, warnings);
    }
}
