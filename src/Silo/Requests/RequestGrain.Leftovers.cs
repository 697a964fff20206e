using Microsoft.Extensions.Logging;
using MutualAid.Volunteers;

namespace MutualAid.Silo.Requests;

/// <summary>
/// A volunteer's time is reserved before the request writes that it holds them, so a crash (or a
/// failed write whose give-back failed too) can leave a reservation nobody holds: their limits count
/// a job they do not have, and their erasure is refused. The volunteer asks; the request answers
/// by ending it, in the one direction request → volunteer.
/// </summary>
public sealed partial class RequestGrain
{
    public async Task CheckHolds(Guid volunteerId, DateTimeOffset reservedAt)
    {
        if (View?.HeldBy(volunteerId) is not null) return;
        // An end already owed to them takes it (and banks a delivery's hours); a release here would not.
        if (state.State.Upstream.Exists(n => n.JobEnd is not null && UpstreamNotice.VolunteerOf(n.Target) == volunteerId && !upstreamHeard.Contains(n.Key))) return;
        LogLeftover(logger, this.GetPrimaryKey(), volunteerId);
        await GrainFactory.GetGrain<IVolunteerGrain>(volunteerId).EndJob(this.GetPrimaryKey(), new JobEnd(JobEndKind.Released, reservedAt));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: ended a reservation of volunteer {VolunteerId} it does not hold")]
    private static partial void LogLeftover(ILogger logger, Guid requestId, Guid volunteerId);
}
