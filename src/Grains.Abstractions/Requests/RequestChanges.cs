namespace MutualAid.Requests;

/// <summary>
/// What an edit of an open request changes (re-triage), as the dialog and the JSON API send it:
/// each field left null stays as it is. An empty text clears an optional field (accessibility
/// notes, language); the need and the area cannot be emptied.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.RequestChanges")]
public record RequestChanges
{
    [Id(0)] public Urgency? Urgency { get; init; }
    [Id(1)] public RequestCategory? Category { get; init; }
    [Id(2)] public string? Need { get; init; }
    [Id(3)] public DateTimeOffset? NeededBy { get; init; }

    /// <summary>Removes the needed-by time (null <see cref="NeededBy"/> alone means "unchanged").</summary>
    [Id(4)] public bool ClearNeededBy { get; init; }

    [Id(5)] public string? Area { get; init; }
    [Id(6)] public string? AccessibilityNotes { get; init; }
    [Id(7)] public string? PreferredLanguage { get; init; }
    [Id(8)] public bool? NeedsVehicle { get; init; }
    [Id(9)] public string? Reason { get; init; }

    /// <summary>A dispatcher's "visit" tick.</summary>
    [Id(10)] public bool? MarkedVisit { get; init; }

    [Id(11)] public bool? NeedsTwo { get; init; }

    /// <summary>Expected length of the visit, overriding the hub's default.</summary>
    [Id(12)] public TimeSpan? ExpectedVisit { get; init; }

    /// <summary>
    /// These changes alone, whatever carries them (the JSON API's body carries the version beside
    /// them): what crosses to the grain is exactly this record.
    /// </summary>
    public RequestChanges Alone() => new(this);

    /// <summary>The request as these changes would leave it (not yet checked: <see cref="Validate"/>).</summary>
    public RequestView ApplyTo(RequestView was)
    {
        ArgumentNullException.ThrowIfNull(was);
        return was with
        {
            Urgency = Urgency ?? was.Urgency,
            Category = Category ?? was.Category,
            Need = Need?.Trim() ?? was.Need,
            NeededBy = ClearNeededBy ? null : NeededBy ?? was.NeededBy,
            Area = Area?.Trim() ?? was.Area,
            AccessibilityNotes = AccessibilityNotes is { } notes ? Blank(notes) : was.AccessibilityNotes,
            PreferredLanguage = PreferredLanguage is { } language ? LanguageNames.Recorded(language) : was.PreferredLanguage,
            NeedsVehicle = NeedsVehicle ?? was.NeedsVehicle,
            MarkedVisit = MarkedVisit ?? was.MarkedVisit,
            NeedsTwo = NeedsTwo ?? was.NeedsTwo,
            ExpectedVisit = ExpectedVisit ?? was.ExpectedVisit,
        };
    }

    /// <summary>The same rules as a new request, for the fields these changes set.</summary>
    /// <param name="shortest">The network's shortest deadline, which is also the shortest visit timer.</param>
    public IReadOnlyList<FieldError> Validate(DateTimeOffset now, TimeSpan shortest)
    {
        var errors = new List<FieldError>();
        if (Urgency is { } u && !Enum.IsDefined(u)) errors.Add(FieldError.Of(nameof(Urgency), Common.Reason.UnknownUrgency));
        if (Category is { } c && !Enum.IsDefined(c)) errors.Add(FieldError.Of(nameof(Category), Common.Reason.UnknownCategory));
        if (Need is not null) Text.Require(errors, nameof(Need), Need, NewRequest.MaxNeedLength, Common.Reason.SayWhatIsNeeded, multiLine: true);
        if (Area is not null) Text.Require(errors, nameof(Area), Area, NewRequest.MaxShortText, Common.Reason.SayWhere);
        Text.Optional(errors, nameof(AccessibilityNotes), AccessibilityNotes, NewRequest.MaxNeedLength, multiLine: true);
        Text.Optional(errors, nameof(PreferredLanguage), PreferredLanguage, 40);
        Text.Optional(errors, nameof(Reason), Reason, NewRequest.MaxShortText);
        if (ExpectedVisit is { } visit && !Hubs.ArrivalPolicy.Fits(visit, shortest)) errors.Add(Hubs.ArrivalPolicy.OutOfRange(nameof(ExpectedVisit), shortest));

        if (NeededBy is { } by && by < now.AddDays(-1)) errors.Add(FieldError.Of(nameof(NeededBy), Common.Reason.NeededByPast));
        return errors;
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
