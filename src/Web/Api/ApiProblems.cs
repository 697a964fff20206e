using Microsoft.AspNetCore.Http.HttpResults;
using MutualAid.Common;

namespace MutualAid.Web.Api;

/// <summary>
/// Every non-2xx answer of the API as RFC 9457 problem details: a <c>type</c> per kind of failure
/// (docs/api.md lists them), the English <c>detail</c>, and the <c>reason</c> code tools branch on.
/// Refused by a rule of the work (a lifecycle step, a limit) is 422 with type <see cref="Refused"/>;
/// a wrong field is 422 with type <see cref="Invalid"/> and <c>errors</c>; a stale version is 409.
/// </summary>
public static class ApiProblems
{
    public const string Invalid = "urn:mutualaid:problem:invalid";
    public const string Refused = "urn:mutualaid:problem:refused";
    public const string Conflict = "urn:mutualaid:problem:conflict";
    public const string Forbidden = "urn:mutualaid:problem:forbidden";
    public const string NotFound = "urn:mutualaid:problem:not-found";
    public const string Unavailable = "urn:mutualaid:problem:unavailable";
    public const string Malformed = "urn:mutualaid:problem:malformed";
    public const string Unauthenticated = "urn:mutualaid:problem:unauthenticated";
    public const string TooMany = "urn:mutualaid:problem:too-many";
    public const string TooLarge = "urn:mutualaid:problem:too-large";
    public const string MethodNotAllowed = "urn:mutualaid:problem:method-not-allowed";

    /// <summary>Refusals for want of a role: 403, as the caller can learn nothing more from them than that.</summary>
    private static readonly HashSet<Reason> WantOfRole =
    [
        Reason.NotADispatcher, Reason.NotACoordinator, Reason.OverrideNeedsCoordinator, Reason.NotIntakeOfHub,
        Reason.MergeNeedsCoordinator, Reason.NotAnAdministrator,
    ];

    /// <summary>The problem for a result that is not ok.</summary>
    public static ProblemHttpResult For<T>(Result<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ResultStatus.Conflict => Problem(StatusCodes.Status409Conflict, Conflict, "Changed by someone else", result.Message, result.Reason,
                result.Conflict is { } c ? new() { ["conflict"] = new ConflictBody(c.ChangedBy.DisplayName, c.Change, c.ChangedAt, c.ExpectedVersion, c.CurrentVersion) } : null),
            ResultStatus.NotFound => Problem(StatusCodes.Status404NotFound, NotFound, "Not found", result.Message, result.Reason),
            ResultStatus.Invalid => InvalidFields(result.Errors),
            ResultStatus.Refused when WantOfRole.Contains(result.Reason) => Problem(StatusCodes.Status403Forbidden, Forbidden, "Not allowed", result.Message, result.Reason),
            _ => Problem(StatusCodes.Status422UnprocessableEntity, Refused, "Refused", result.Message, result.Reason),
        };
    }

    /// <summary>422 invalid: each field (as the JSON names it) with its coded reasons.</summary>
    public static ProblemHttpResult InvalidFields(IReadOnlyList<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var reason = errors.Count == 1 ? errors[0].Reason : Reason.Invalid;
        var byField = errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => new FieldProblem(e.Reason.ToString(), e.Message)).ToArray());
        var detail = string.Join("; ", byField.SelectMany(f => f.Value.Select(p => $"{f.Key}: {p.Message}")));
        return Problem(StatusCodes.Status422UnprocessableEntity, Invalid, "Invalid", detail, reason, new() { ["errors"] = byField });
    }

    /// <summary>One field wrong, for a coded reason.</summary>
    public static ProblemHttpResult InvalidField(string field, Reason reason, params object[] args) => InvalidFields([FieldError.Of(field, reason, args)]);

    public static ProblemHttpResult Of(int status, string type, string title, Reason reason, params object[] args) =>
        Problem(status, type, title, reason.Say(args).ToString(), reason);

    /// <summary>503 with Retry-After: the cluster is moving grains after a failed server; repeating is safe.</summary>
    public static ProblemHttpResult ClusterRecovering(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = "2";
        return Of(StatusCodes.Status503ServiceUnavailable, Unavailable, "Try again in a moment", Reason.ClusterRecovering);
    }

    /// <summary>"Contact.Name" (as grains name fields) → "contact.name" (as the JSON does).</summary>
    public static string JsonName(string field) =>
        string.Join('.', (field ?? "").Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));

    private static ProblemHttpResult Problem(int status, string type, string title, string? detail, Reason reason, Dictionary<string, object?>? extensions = null)
    {
        extensions ??= [];
        extensions["reason"] = reason.ToString();
        return TypedResults.Problem(detail, statusCode: status, title: title, type: type, extensions: extensions);
    }

    /// <summary>Who changed the request, what they did and when, instead of a silent overwrite.</summary>
    public sealed record ConflictBody(string ChangedBy, string Change, DateTimeOffset ChangedAt, int ExpectedVersion, int CurrentVersion);

    public sealed record FieldProblem(string Reason, string Message);
}
