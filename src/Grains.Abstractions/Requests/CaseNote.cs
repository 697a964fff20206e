namespace MutualAid.Requests;

/// <summary>
/// One entry of a request's contact log. PRIVATE: only the hub's coordinators and dispatchers read
/// it, and the assigned volunteer those marked for them. Never part of a summary, a board, an export
/// or a log line.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.CaseNote")]
public sealed record CaseNote(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NoteKind Kind,
    [property: Id(2)] string Text,
    [property: Id(3)] Actor By,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] bool ForVolunteer);

/// <summary>Adds an entry to the contact log. Not a change of the request: no version is checked and none is taken.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.AddNote")]
public sealed record AddNote(
    [property: Id(0)] NoteKind Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] bool ForVolunteer,
    [property: Id(3)] Actor Actor) : ScopedCommand
{
    public const int MaxLength = 1000;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Kind)) errors.Add(FieldError.Of(nameof(Kind), Reason.ChooseNoteKind));
        Common.Text.Require(errors, nameof(Text), Text, MaxLength, Reason.SayWhatHappened, multiLine: true);
        if (Actor is null || string.IsNullOrWhiteSpace(Actor.UserId)) errors.Add(FieldError.Of(nameof(Actor), Reason.NoActor));
        return errors;
    }
}

/// <summary>Whose contact log to read: with <see cref="AsVolunteer"/>, only that volunteer's own job, and only entries marked for them.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NoteScope")]
public sealed record NoteScope : ScopedCommand;
