namespace MutualAid.Thanks;

/// <summary>Who wrote a thank-you: the person who was helped, or one of the hub's organisers.</summary>
[GenerateSerializer, Alias("MutualAid.ThanksFrom")]
public enum ThanksFrom
{
    Requester,
    Organiser,
}

/// <summary>
/// A thank-you to the volunteer who did a job. Kept with the volunteer and shown only to them:
/// never counted per person for anyone else, so appreciation cannot become a ranking.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ThankYouNote")]
public sealed record ThankYouNote(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid RequestId,
    [property: Id(2)] string HubSlug,
    [property: Id(3)] ThanksFrom From,
    [property: Id(4)] string? FromName,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset At)
{
    /// <summary>A note, not a letter: it fits a text message and a line on a phone.</summary>
    public const int MaxLength = 500;
}
