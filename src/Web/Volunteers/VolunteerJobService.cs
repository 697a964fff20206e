using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Volunteers;

/// <summary>
/// A volunteer's own jobs: accept, decline, picked up, delivered, and claiming a waiting request.
/// The commands carry the hub and (unless the caller dispatches on that hub) the volunteer, so the
/// request grain refuses anything that is not this volunteer's job on that hub.
/// </summary>
public sealed class VolunteerJobService(IGrainFactory grains, CurrentUser user)
{
    /// <summary>The field a "picked up before accepting" refusal names.</summary>
    public const string AcceptFirstField = "Accept";

    public async Task<Result<RequestView>> Accept(string hub, Guid request, int version) =>
        await ActingAs(hub) is { } me
            ? await Grain(request).Accept(new RequestCommand(version, user.Actor) { Hub = hub, AsVolunteer = me.Volunteer })
            : NotAVolunteer;

    public async Task<Result<RequestView>> Decline(string hub, Guid request, int version, string? reason) =>
        await ActingAs(hub) is { } me
            ? await Grain(request).Decline(new RequestCommand(version, user.Actor, reason) { Hub = hub, AsVolunteer = me.Volunteer })
            : NotAVolunteer;

    public async Task<Result<RequestView>> Deliver(string hub, Guid request, int version, double hours) =>
        await ActingAs(hub) is { } me
            ? await Grain(request).Fulfil(new FulfilCommand(version, user.Actor, hours) { Hub = hub, AsVolunteer = me.Volunteer })
            : NotAVolunteer;

    /// <summary>
    /// Picked up. The assigned volunteer may only once they have accepted (accept comes first);
    /// the hub's dispatchers keep their power to mark it for them at any point.
    /// </summary>
    public async Task<Result<RequestView>> PickUp(string hub, Guid request, int version)
    {
        if (!await user.Can(Ability.Dispatch, hub) && user.VolunteerId is { } me
            && await Grain(request).GetView() is { Assignment: { State: AssignmentState.Offered } offered } && offered.VolunteerId == me)
        {
            return Result<RequestView>.Invalid(AcceptFirstField, Reason.AcceptFirst);
        }

        return await ActingAs(hub) is { } acting
            ? await Grain(request).Start(new RequestCommand(version, user.Actor) { Hub = hub, AsVolunteer = acting.Volunteer })
            : NotAVolunteer;
    }

    /// <summary>"I'm here" on a visit: for themselves, or from a dispatcher who heard it by phone, for everyone on the job.</summary>
    public async Task<Result<RequestView>> Arrive(string hub, Guid request) =>
        await ActingAs(hub) is { } me
            ? await Grain(request).Arrive(new RequestCommand(0, user.Actor) { Hub = hub, AsVolunteer = me.Volunteer })
            : NotAVolunteer;

    /// <summary>"I've left safely"; clears the safe-arrival alarm once everyone who arrived is out.</summary>
    public async Task<Result<RequestView>> LeaveSafely(string hub, Guid request) =>
        await ActingAs(hub) is { } me
            ? await Grain(request).LeaveSafely(new RequestCommand(0, user.Actor) { Hub = hub, AsVolunteer = me.Volunteer })
            : NotAVolunteer;

    /// <summary>A volunteer claims a waiting request for themselves; only that volunteer may, and only on their own hubs.</summary>
    public async Task<Result<RequestView>> Claim(string hub, Guid request, Guid volunteerId, int version)
    {
        if (user.VolunteerId != volunteerId) return Result<RequestView>.Refused(Reason.ClaimOnlyForYourself);
        if (!await user.Can(Ability.ViewBoard, hub)) return Result<RequestView>.Refused(Reason.NotVolunteerOfHub, hub);
        return await Grain(request).Claim(new ClaimCommand(version, user.Actor, volunteerId) { Hub = hub });
    }

    /// <summary>Who a command acts as: the hub's dispatchers as themselves (no volunteer), anyone else only as their own volunteer.</summary>
    private sealed record Acting(Guid? Volunteer);

    private static Result<RequestView> NotAVolunteer => Result<RequestView>.Refused(Reason.NotAVolunteerAccount);

    /// <summary>Null when the person is neither; the grain holds a volunteer to their own jobs (NotYours otherwise).</summary>
    private async Task<Acting?> ActingAs(string hub) =>
        await user.Can(Ability.Dispatch, hub) ? new Acting(null)
        : user.VolunteerId is { } me ? new Acting(me)
        : null;

    private IRequestGrain Grain(Guid request) => grains.GetGrain<IRequestGrain>(request);
}
