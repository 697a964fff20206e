namespace MutualAid.Requests;

/// <summary>What a person can do to a request: the grain's checks, the JSON API's commands, the dispatch dialog's buttons and the volunteer pages all name actions with this.</summary>
[GenerateSerializer, Alias("MutualAid.RequestAction")]
public enum RequestAction
{
    Triage = 0,
    Assign = 1,
    Unassign = 2,
    Accept = 3,
    Decline = 4,
    Start = 5,
    Fulfil = 6,
    Cancel = 7,
    Escalate = 8,
    Reopen = 9,
    Transfer = 10,
    Edit = 11,
}
