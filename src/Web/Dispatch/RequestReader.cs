using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Dispatch;

/// <summary>Reads of one request, as the signed-in person may see it.</summary>
public sealed class RequestReader(IGrainFactory grains, CurrentUser user, Access access)
{
    /// <summary>The private view when this person may see it; otherwise null (use the summary).</summary>
    public async Task<RequestView?> PrivateView(Guid requestId)
    {
        var grain = grains.GetGrain<IRequestGrain>(requestId);
        var view = await grain.GetView();
        if (view is null || !await access.CanSeePrivate(user.Principal, view)) return null;
        // Dispatchers see contact details as their work; a volunteer seeing them is written down,
        // so claiming only to read addresses leaves a trail (the grain keeps one line per claim).
        if (!await access.Can(user.Principal, Ability.SeePrivate, view.HubSlug)) await grain.RecordReveal(user.Actor);
        return view;
    }

    /// <summary>The redacted summary, when this person may see the board it is on.</summary>
    public async Task<RequestSummary?> Summary(Guid requestId) =>
        await grains.GetGrain<IRequestGrain>(requestId).GetSummary() is { } summary && await user.Can(Ability.ViewBoard, summary.HubSlug) ? summary : null;
}
