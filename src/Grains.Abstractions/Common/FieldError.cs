namespace MutualAid.Common;

[GenerateSerializer, Immutable, Alias("MutualAid.FieldError")]
public sealed record FieldError([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    /// <summary>The message as a phrase, so a page can say it in the reader's language; <see cref="Message"/> is its English.</summary>
    [Id(2)] public Phrase? Said { get; init; }
}
