namespace MutualAid.Safety;

/// <summary>
/// A concern about an interaction, as its raiser gives it. The parties are <see cref="Party"/> keys
/// when known (the raiser's own volunteer, the volunteer or requester of a request), so "do not
/// pair" can be set between them later; the names are what the safeguarding role reads.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NewConcern")]
public sealed record NewConcern(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] Actor RaisedBy,
    [property: Id(2)] string? RaisedByParty,
    [property: Id(3)] string? About,
    [property: Id(4)] string? AboutParty,
    [property: Id(5)] Guid? RequestId,
    [property: Id(6)] string? ReferenceCode,
    [property: Id(7)] string Text)
{
    public const int MaxText = 4000;
    public const int MaxNote = 2000;
    public const int MaxName = 100;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Common.Text.Require(errors, nameof(Text), Text, MaxText, Reason.SayConcern, multiLine: true);
        if (About is { Length: > MaxName }) errors.Add(FieldError.Of(nameof(About), Reason.TooLong, MaxName));
        return errors;
    }
}
