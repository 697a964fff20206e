using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Web.Dispatch;

/// <summary>Everything the dispatch dialog shows about one request, read for one person.</summary>
public sealed record DispatchCase(
    RequestView View,
    RequestView? Private,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<Suggestion<VolunteerSummary>> Suggestions,
    IReadOnlyList<Suggestion<OfferSummary>> Offers,
    IReadOnlyDictionary<Guid, string> DuplicateReferences,
    double? EstimatedHours,
    bool SeriesEnded,
    bool CanOverride,
    bool CanWorkCase = false);
