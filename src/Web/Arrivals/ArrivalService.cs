using MutualAid.Common;
using MutualAid.Requests;
using MutualAid.Web.Accounts;

namespace MutualAid.Web.Arrivals;

/// <summary>
/// The board's side of safe arrival: a dispatcher or coordinator of the hub acknowledges an open
/// alarm, or records "left safely" for volunteers they reached by phone. The command names the hub,
/// so the request grain refuses a request of any other hub.
/// </summary>
public sealed class ArrivalService(IGrainFactory grains, CurrentUser user)
{
    public async Task<Result<RequestView>> Acknowledge(string hub, Guid request) =>
        await user.Can(Ability.Dispatch, hub)
            ? await grains.GetGrain<IRequestGrain>(request).AcknowledgeAlarm(new RequestCommand(0, user.Actor) { Hub = hub })
            : Result<RequestView>.NotFound(Reason.NotInHub);

    /// <summary>Who the alarm is about, for those who may see names; everyone else reads that a volunteer has not checked out.</summary>
    public static string Who(RequestSummary alarm) =>
        string.Join(" & ", new[] { alarm.AssignedVolunteerName, alarm.PartnerVolunteerName }.Where(n => n is not null));
}
