namespace MutualAid.Requests;

[GenerateSerializer, Alias("MutualAid.RequestStatus")]
public enum RequestStatus
{
    New = 0,
    Triaged = 1,
    Assigned = 2,
    InProgress = 3,
    Fulfilled = 4,
    Cancelled = 5,
    Escalated = 6,
    Reopened = 7,
}
