namespace MutualAid.Requests;

/// <summary>Which safe-arrival button a volunteer holding a job sees next.</summary>
public enum CheckIn
{
    None,
    Arrive,
    LeaveSafely,
}

public static class CheckIns
{
    /// <summary>
    /// "I'm here" on a visit they hold, have accepted and have not yet arrived at; "I've left safely" while
    /// they are there; nothing once they have left (what comes next is "delivered", not a second visit).
    /// </summary>
    public static CheckIn Next(RequestView view, Guid volunteerId)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.IsVisit || view.HeldBy(volunteerId) is not { State: not AssignmentState.Offered }) return CheckIn.None;
        if (view.Arrival is { } visit && visit.Here.Contains(volunteerId))
        {
            return visit.LeftAt is null && !visit.Left.Contains(volunteerId) ? CheckIn.LeaveSafely : CheckIn.None;
        }

        return view.Status is RequestStatus.Assigned or RequestStatus.InProgress ? CheckIn.Arrive : CheckIn.None;
    }
}
