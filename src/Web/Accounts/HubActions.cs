using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Dispatch;
using MutualAid.Web.Volunteers;

namespace MutualAid.Web.Accounts;

/// <summary>
/// What is left of the old command gateway, kept only for Volunteers/PlainAssignmentsPage.cs, which
/// another branch is rewriting as a Razor component; that rewrite should call
/// <see cref="VolunteerJobService"/> and <see cref="RequestReader"/>, and this file then goes.
/// </summary>
public sealed class HubActions(IGrainFactory grains, CurrentUser user, RequestReader reader, VolunteerJobService jobs)
{
    public const string AcceptFirstField = VolunteerJobService.AcceptFirstField;

    /// <summary>Runs a command on a request; dispatchers of its hub may, and (for their own job) the assigned volunteer.</summary>
    public async Task<Result<RequestView>> OnRequest(Guid requestId, Func<IRequestGrain, Task<Result<RequestView>>> command, bool assignedVolunteerMay = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var grain = grains.GetGrain<IRequestGrain>(requestId);
        if (await grain.GetView() is not { } view) return Result<RequestView>.NotFound(Reason.NoSuchRequest);
        var allowed = await user.Can(Ability.Dispatch, view.HubSlug)
            || (assignedVolunteerMay && user.VolunteerId is { } me && view.Assignment?.VolunteerId == me);
        return allowed ? await command(grain) : Result<RequestView>.Refused(Reason.NotADispatcher, view.HubSlug);
    }

    public async Task<Result<RequestView>> PickUp(Guid requestId, int expectedVersion) =>
        await grains.GetGrain<IRequestGrain>(requestId).GetSummary() is { } summary
            ? await jobs.PickUp(summary.HubSlug, requestId, expectedVersion)
            : Result<RequestView>.NotFound(Reason.NoSuchRequest);

    public Task<RequestView?> PrivateView(Guid requestId) => reader.PrivateView(requestId);
}
