namespace MutualAid.Decisions;

/// <summary>A proposal as a member of the hub puts it: the options default to For, Against and Abstain.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NewProposal")]
public sealed record NewProposal(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset Deadline,
    [property: Id(4)] IReadOnlyList<string> Options,
    [property: Id(5)] Actor Proposer)
{
    public const int MaxTitle = 140;
    public const int MaxText = 4000;
    public const int MaxOption = 60;
    public const int MaxOptions = 8;

    /// <summary>Short enough for a browser journey to watch it close; long enough that it is never already over.</summary>
    public static readonly TimeSpan ShortestWait = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromDays(90);

    /// <summary>What a proposal offers when its proposer lists nothing (the words are translated for readers).</summary>
    public static readonly IReadOnlyList<string> DefaultOptions = ["For", "Against", "Abstain"];

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (!Slug.IsValid(HubSlug)) errors.Add(FieldError.Of(nameof(HubSlug), Reason.ChooseHub));
        Common.Text.Require(errors, nameof(Title), Title, MaxTitle, Reason.DecisionGiveTitle);
        Common.Text.Require(errors, nameof(Text), Text, MaxText, Reason.DecisionSayWhat, multiLine: true);
        if (Deadline < now + ShortestWait || Deadline > now + LongestWait) errors.Add(FieldError.Of(nameof(Deadline), Reason.DecisionDeadlineRange, (int)LongestWait.TotalDays));
        var options = Options ?? [];
        if (options.Count is 1 or > MaxOptions) errors.Add(FieldError.Of(nameof(Options), Reason.DecisionOptionCount, MaxOptions));
        foreach (var option in options)
        {
            Common.Text.Require(errors, nameof(Options), option, MaxOption, Reason.DecisionGiveOption);
        }

        if (options.GroupBy(o => o?.Trim() ?? "", StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            errors.Add(FieldError.Of(nameof(Options), Reason.DecisionOptionTwice, twice.Key));
        return errors;
    }
}
