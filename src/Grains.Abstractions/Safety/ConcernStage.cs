namespace MutualAid.Safety;

/// <summary>Where a concern is in the restorative process; it only moves forward, conversations may repeat.</summary>
[GenerateSerializer, Alias("MutualAid.ConcernStage")]
public enum ConcernStage
{
    Raised = 0,
    Acknowledged = 1,
    Conversation = 2,
    ActionsAgreed = 3,
    Closed = 4,
}
