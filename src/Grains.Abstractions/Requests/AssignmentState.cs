namespace MutualAid.Requests;

[GenerateSerializer, Alias("MutualAid.AssignmentState")]
public enum AssignmentState
{
    Offered = 0,
    Accepted = 1,
    Declined = 2,
    Completed = 3,
    Withdrawn = 4,
}
