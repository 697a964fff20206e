namespace MutualAid.Common;

[GenerateSerializer, Immutable, Alias("MutualAid.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    /// <summary>The message as a phrase, so a page can say it in the reader's language; <see cref="Message"/> is its English.</summary>
    [Id(2)] public Phrase? Said { get; init; }

    /// <summary>Why the field is wrong, for clients that branch on it.</summary>
    [Id(3)] public Reason Reason { get; init; } = Reason.Invalid;

    public static FieldError Of(string field, Reason reason, params object[] args)
    {
        var said = reason.Say(args);
        return new(field, said.ToString()) { Said = said, Reason = reason };
    }
}
