namespace MutualAid.Requests;

/// <summary>Ordered most urgent first so sorting by value puts critical needs on top.</summary>
[GenerateSerializer, Alias("MutualAid.Urgency")]
public enum Urgency
{
    Critical = 0,
    High = 1,
    Normal = 2,
    Low = 3,
}
