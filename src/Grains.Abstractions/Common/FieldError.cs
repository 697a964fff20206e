namespace MutualAid.Common;

/// <summary>
/// One wrong field, always for a coded reason: built only through <see cref="Of"/>, so no field
/// error reaches a reader as English alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.FieldError")]
public sealed record FieldError
{
    private FieldError(string field, Phrase said, Reason reason)
    {
        Field = field;
        Message = said.ToString();
        Said = said;
        Reason = reason;
    }

    [Id(0)] public string Field { get; init; }

    /// <summary>The English of <see cref="Said"/>: logs and the JSON API.</summary>
    [Id(1)] public string Message { get; init; }

    /// <summary>The message as a phrase, so a page can say it in the reader's language.</summary>
    [Id(2)] public Phrase? Said { get; init; }

    /// <summary>Why the field is wrong, for clients that branch on it.</summary>
    [Id(3)] public Reason Reason { get; init; } = Reason.Invalid;

    public static FieldError Of(string field, Reason reason, params object[] args) => new(field, reason.Say(args), reason);
}
