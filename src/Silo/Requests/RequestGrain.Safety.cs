using MutualAid.Requests;
using MutualAid.Safety;

namespace MutualAid.Silo.Requests;

/// <summary>Who may be put on this request: the hub's vetting for its category, and "do not pair" with its requester.</summary>
public sealed partial class RequestGrain
{
    /// <summary>
    /// The hub's safety grain is a leaf (it calls no grain), so asking it inside this turn cannot form
    /// a cycle. <paramref name="leaving"/> is the place the new volunteer takes (a reassignment, or
    /// one of a full pair); whoever else holds the job works beside them.
    /// </summary>
    private Task<Screening> Screen(Guid volunteerId, RequestView view, Assignment? leaving = null) =>
        GrainFactory.GetGrain<ISafetyGrain>(view.HubSlug).ScreenBeside(volunteerId, view.Category, view.Contact?.MatchKey(),
            [.. view.Assignees.Where(a => a != leaving).Select(a => a.VolunteerId)]);

    /// <summary>
    /// Two people kept apart are refused with a generic reason that no override passes, so neither the
    /// dispatcher nor the volunteer learns a concern lies behind it; missing checks say which, and a
    /// coordinator's override (audited by the caller) passes them.
    /// </summary>
    private static Result<RequestView>? Refusal(Screening screening, RequestCategory category, bool overridden) =>
        screening.Apart ? Result<RequestView>.Refused(Reason.NotAvailableForRequest)
        : screening.Missing.Count > 0 && !overridden ? Result<RequestView>.Refused(Reason.NeedsCheck, string.Join(", ", screening.Missing), category)
        : null;
}
