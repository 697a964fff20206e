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
    /// <summary>"I'm here" on a visit they hold and have not yet arrived at; "I've left safely" while they are there.</summary>
    public static CheckIn Next(RequestView view, Guid volunteerId)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (!view.IsVisit || view.HeldBy(volunteerId) is null) return CheckIn.None;
        if (view.Arrival is { LeftAt: null } visit && visit.Here.Contains(volunteerId))
        {
            return visit.Left.Contains(volunteerId) ? CheckIn.None : CheckIn.LeaveSafely;
        }

        return view.Status is RequestStatus.Assigned or RequestStatus.InProgress ? CheckIn.Arrive : CheckIn.None;
    }
}
