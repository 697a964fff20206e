namespace MutualAid.Volunteers;

[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerNotice")]
public sealed record VolunteerNotice([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Message)
{
    /// <summary>What the system told them, in the reader's language; none for a message a coordinator typed (<see cref="Message"/> as written).</summary>
    [Id(2)] public Common.Phrase? Said { get; init; }
}
