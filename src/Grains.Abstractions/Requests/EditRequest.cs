namespace MutualAid.Requests;

/// <summary>
/// Changes some fields of an open request (re-triage): each left null stays as it is. An empty
/// text clears an optional field (accessibility notes, language); the need and the area cannot be
/// emptied. Checked against the version the caller saw, like every command.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.EditRequest")]
public sealed record EditRequest([property: Id(0)] int ExpectedVersion, [property: Id(1)] Actor Actor) : IScopedCommand
{
    [Id(2)] public Urgency? Urgency { get; init; }
    [Id(3)] public RequestCategory? Category { get; init; }
    [Id(4)] public string? Need { get; init; }
    [Id(5)] public DateTimeOffset? NeededBy { get; init; }

    /// <summary>Removes the needed-by time (null <see cref="NeededBy"/> alone means "unchanged").</summary>
    [Id(6)] public bool ClearNeededBy { get; init; }

    [Id(7)] public string? Area { get; init; }
    [Id(8)] public string? AccessibilityNotes { get; init; }
    [Id(9)] public string? PreferredLanguage { get; init; }
    [Id(10)] public bool? NeedsVehicle { get; init; }
    [Id(11)] public string? Reason { get; init; }

    /// <summary>Ids 110-119: arrivals and pairs. A dispatcher's "visit" tick.</summary>
    [Id(110)] public bool? MarkedVisit { get; init; }

    [Id(111)] public bool? NeedsTwo { get; init; }

    /// <summary>Expected length of the visit, overriding the hub's default.</summary>
    [Id(112)] public TimeSpan? ExpectedVisit { get; init; }

    [Id(20)] public string? Hub { get; init; }
    [Id(21)] public Guid? AsVolunteer { get; init; }

    /// <summary>The same rules as a new request, for the fields this edit sets.</summary>
    public IReadOnlyList<FieldError> Validate(DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (Urgency is { } u && !Enum.IsDefined(u)) errors.Add(FieldError.Of(nameof(Urgency), Common.Reason.UnknownUrgency));
        if (Category is { } c && !Enum.IsDefined(c)) errors.Add(FieldError.Of(nameof(Category), Common.Reason.UnknownCategory));
        if (Need is not null) Text.Require(errors, nameof(Need), Need, NewRequest.MaxNeedLength, Common.Reason.SayWhatIsNeeded, multiLine: true);
        if (Area is not null) Text.Require(errors, nameof(Area), Area, NewRequest.MaxShortText, Common.Reason.SayWhere);
        Text.Optional(errors, nameof(AccessibilityNotes), AccessibilityNotes, NewRequest.MaxNeedLength, multiLine: true);
        Text.Optional(errors, nameof(PreferredLanguage), PreferredLanguage, 40);
        Text.Optional(errors, nameof(Reason), Reason, NewRequest.MaxShortText);
        if (ExpectedVisit is { } visit && (visit < Hubs.ArrivalPolicy.Shortest || visit > Hubs.ArrivalPolicy.Longest))
        {
            errors.Add(FieldError.Of(nameof(ExpectedVisit), Common.Reason.ArrivalTimerRange));
        }

        if (NeededBy is { } by && by < now.AddDays(-1)) errors.Add(FieldError.Of(nameof(NeededBy), Common.Reason.NeededByPast));
        return errors;
    }
}
