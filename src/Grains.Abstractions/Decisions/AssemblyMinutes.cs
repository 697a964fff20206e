namespace MutualAid.Decisions;

/// <summary>A decision taken at an assembly, recorded by a coordinator: when, what was discussed, what was decided.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.AssemblyMinutes")]
public sealed record AssemblyMinutes(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateOnly HeldOn,
    [property: Id(2)] string Text,
    [property: Id(3)] string Decision,
    [property: Id(4)] Actor RecordedBy,
    [property: Id(5)] DateTimeOffset RecordedAt)
{
    public const int MaxText = 8000;
    public const int MaxDecision = 1000;

    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        Common.Text.Require(errors, nameof(Text), Text, MaxText, Reason.DecisionWriteMinutes, multiLine: true);
        Common.Text.Require(errors, nameof(Decision), Decision, MaxDecision, Reason.DecisionWriteDecision, multiLine: true);
        // A day's grace: the coordinator's calendar day may already be tomorrow in UTC.
        if (HeldOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1)) errors.Add(FieldError.Of(nameof(HeldOn), Reason.DecisionMinutesDate));
        return errors;
    }
}
