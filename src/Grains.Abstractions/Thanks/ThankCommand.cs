namespace MutualAid.Thanks;

/// <summary>
/// Thanks the volunteer who delivered a request. <see cref="NoteId"/> makes it idempotent: a form
/// posted twice or a webhook retried leaves one note.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ThankCommand")]
public sealed record ThankCommand(
    [property: Id(0)] Guid NoteId,
    [property: Id(1)] ThanksFrom From,
    [property: Id(2)] string Text,
    [property: Id(3)] Actor Actor) : Requests.ScopedCommand
{
    /// <summary>How many notes one request may carry from the person helped: enough to say it, not enough to flood a volunteer.</summary>
    public const int MaxPerRequest = 5;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Text)) errors.Add(FieldError.Of(nameof(Text), Reason.ThanksNeedText));
        else if (Text.Trim().Length > ThankYouNote.MaxLength) errors.Add(FieldError.Of(nameof(Text), Reason.ThanksTooLong, ThankYouNote.MaxLength));
        else Common.Text.Clean(errors, nameof(Text), Text, multiLine: true);
        if (!Enum.IsDefined(From)) errors.Add(FieldError.Of(nameof(From), Reason.ThanksNeedText));
        if (Actor is null || string.IsNullOrWhiteSpace(Actor.UserId)) errors.Add(FieldError.Of(nameof(Actor), Reason.NoActor));
        return errors;
    }
}
