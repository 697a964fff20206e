namespace MutualAid.Common;

/// <summary>Outcome of a command that returns a value when it succeeds.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Result`1")]
public sealed record Result<T>(
    [property: Id(0)] ResultStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Message,
    [property: Id(3)] Conflict? Conflict,
    [property: Id(4)] IReadOnlyList<FieldError> Errors) : IOutcome
{
    /// <summary>The outcome as a phrase, for a reason a person reads in their language; <see cref="Message"/> keeps the English.</summary>
    [Id(5)] public Phrase? Said { get; init; }

    /// <summary>What a client branches on: why it was refused, invalid, stale or not found (None when ok).</summary>
    [Id(6)] public Reason Reason { get; init; }

    public bool IsOk => Status == ResultStatus.Ok;

    public static Result<T> Ok(T value) => new(ResultStatus.Ok, value, null, null, []);

    public static Result<T> Invalid(IReadOnlyList<FieldError> errors) =>
        new(ResultStatus.Invalid, default, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), null, errors)
        {
            Reason = errors.Count == 1 ? errors[0].Reason : Reason.Invalid,
            Said = errors.Count == 1 ? errors[0].Said : Reason.Invalid.Say(),
        };

    /// <summary>One field is wrong, for a coded reason.</summary>
    public static Result<T> Invalid(string field, Reason reason, params object[] args) => Invalid([FieldError.Of(field, reason, args)]);

    public static Result<T> Refused(Reason reason, params object[] args) => Failed(ResultStatus.Refused, reason, args);

    public static Result<T> NotFound(Reason reason, params object[] args) => Failed(ResultStatus.NotFound, reason, args);

    public static Result<T> Stale(Conflict conflict) =>
        new(ResultStatus.Conflict, default, $"{conflict.ChangedBy.DisplayName} {conflict.Change}", conflict, []) { Reason = Reason.Stale, Said = conflict.Said };

    private static Result<T> Failed(ResultStatus status, Reason reason, object[] args)
    {
        var said = reason.Say(args);
        return new(status, default, said.ToString(), null, []) { Reason = reason, Said = said };
    }

    /// <summary>Carries a failure of another result type across without losing its detail.</summary>
    public Result<TOther> As<TOther>() =>
        IsOk ? throw new InvalidOperationException("Only failures can be converted.")
             : new Result<TOther>(Status, default, Message, Conflict, Errors) { Said = Said, Reason = Reason };
}
