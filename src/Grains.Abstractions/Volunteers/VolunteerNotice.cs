namespace MutualAid.Volunteers;

[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerNotice")]
public sealed record VolunteerNotice([property: Id(0)] DateTimeOffset At, [property: Id(1)] string Message)
{
    /// <summary>What the system told them, in the reader's language; none for a message a coordinator typed (<see cref="Message"/> as written).</summary>
    [Id(2)] public Common.Phrase? Said { get; init; }

    /// <summary>The hub the notice is about (a coordinator's message, a lapsed claim); null for one that names none, kept from before hubs were recorded.</summary>
    [Id(3)] public string? HubSlug { get; init; }
}
