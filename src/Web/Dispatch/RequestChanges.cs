using MutualAid.Common;
using MutualAid.Requests;

namespace MutualAid.Web.Dispatch;

/// <summary>
/// What an edit changes, as the dialog and the JSON API send it: each field left null stays as it
/// is; an empty text clears accessibility notes or the language.
/// </summary>
public record RequestChanges
{
    public Urgency? Urgency { get; init; }
    public RequestCategory? Category { get; init; }
    public string? Need { get; init; }
    public DateTimeOffset? NeededBy { get; init; }
    public bool ClearNeededBy { get; init; }
    public string? Area { get; init; }
    public string? AccessibilityNotes { get; init; }
    public string? PreferredLanguage { get; init; }
    public bool? NeedsVehicle { get; init; }
    public string? Reason { get; init; }
    public bool? MarkedVisit { get; init; }
    public bool? NeedsTwo { get; init; }

    public EditRequest Command(int version, Actor actor) => new(version, actor)
    {
        Urgency = Urgency,
        Category = Category,
        Need = Need,
        NeededBy = NeededBy,
        ClearNeededBy = ClearNeededBy,
        Area = Area,
        AccessibilityNotes = AccessibilityNotes,
        PreferredLanguage = PreferredLanguage,
        NeedsVehicle = NeedsVehicle,
        Reason = Reason,
        MarkedVisit = MarkedVisit,
        NeedsTwo = NeedsTwo,
    };
}
