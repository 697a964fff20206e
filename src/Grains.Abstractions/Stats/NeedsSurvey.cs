using MutualAid.Requests;

namespace MutualAid.Stats;

/// <summary>How a survey answer came in.</summary>
[GenerateSerializer, Alias("MutualAid.SurveyChannel")]
public enum SurveyChannel
{
    Web,
    Sms,
}

/// <summary>
/// One answer to a hub's needs survey. Three fixed questions: what is needed most this week, how
/// many people are in the household, and anything else in the person's own words. No name, no
/// phone: the free text is for the hub's coordinators and never leaves them.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SurveyAnswer")]
public sealed record SurveyAnswer(
    [property: Id(0)] Guid Id,
    [property: Id(1)] RequestCategory MostNeeded,
    [property: Id(2)] int? Household,
    [property: Id(3)] string? Comment,
    [property: Id(4)] SurveyChannel Channel)
{
    public const int MaxComment = 500;
    public const int MaxHousehold = 30;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(MostNeeded)) errors.Add(FieldError.Of(nameof(MostNeeded), Reason.SurveyChooseNeed));
        if (Household is < 1 or > MaxHousehold) errors.Add(FieldError.Of(nameof(Household), Reason.SurveyHouseholdRange, 1, MaxHousehold));
        if (Comment is { } text && (text.Length > MaxComment || !Text.IsClean(text, multiLine: true))) errors.Add(FieldError.Of(nameof(Comment), Reason.SurveyCommentTooLong, MaxComment));
        return errors;
    }
}

/// <summary>An answer's words, for the hub's coordinators only.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SurveyComment")]
public sealed record SurveyComment(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] RequestCategory MostNeeded,
    [property: Id(2)] string Text,
    [property: Id(3)] SurveyChannel Channel);

/// <summary>Whether a hub is asking, since when, and (for coordinators) the latest answers' words.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.SurveyView")]
public sealed record SurveyView(
    [property: Id(0)] bool Open,
    [property: Id(1)] DateTimeOffset? OpenedAt,
    [property: Id(2)] int Answers,
    [property: Id(3)] IReadOnlyList<SurveyComment> Comments);
