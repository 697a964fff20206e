namespace MutualAid.Notifications;

/// <summary>What a message is about: the catalogue in docs/messages.md. Values are stored; never renumber.</summary>
[GenerateSerializer, Alias("MutualAid.MessageKind")]
public enum MessageKind
{
    AssignmentOffered = 0,
    ClaimLapsingSoon = 1,
    ClaimLapsed = 2,
    ReassignedAway = 3,
    CoordinatorMessage = 4,
    RequestReceived = 5,
    VolunteerOnTheWay = 6,
    RequestDelivered = 7,
    RequestCancelled = 8,
    CriticalUnassigned = 9,
    EscalationOffered = 10,
    RequestReopened = 11,

    // Arrivals 30-39 (a gap so parallel features adding kinds do not collide on a stored value).
    ArrivalAlarmEscalated = 30,

    // Safety 40-49.
    /// <summary>A concern was raised at the hub: to the people who handle its concerns, with none of its words.</summary>
    ConcernRaised = 40,

    // API tokens 50-59.
    /// <summary>A hub's API token ends soon: to its coordinators, with the token's name and end, never its secret.</summary>
    ApiTokenEndingSoon = 50,
}
