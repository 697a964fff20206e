using MutualAid.Board;
using MutualAid.Common;
using MutualAid.Web.Accounts;
using MutualAid.Web.Board;

namespace MutualAid.Web.Api;

/// <summary>One page of a list: <c>page</c> counts from 1, <c>total</c> is the count before paging.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IReadOnlyList<FieldError> Check(int? page, int? pageSize)
    {
        var errors = new List<FieldError>();
        if (page is < 1) errors.Add(FieldError.Of("page", Reason.Between, 1, int.MaxValue));
        if (pageSize is < 1 or > MaxPageSize) errors.Add(FieldError.Of("pageSize", Reason.Between, 1, MaxPageSize));
        return errors;
    }

    /// <summary>
    /// One page of what the hub's board already holds (one grain call, summaries only, so nothing
    /// private), or every paging and filter error at once.
    /// </summary>
    public static Task<IResult> FromBoard<T>(
        HttpContext http, CurrentUser user, BoardService board, string hub, int? page, int? pageSize,
        IReadOnlyList<FieldError> filterErrors, Func<BoardSnapshot, IEnumerable<T>> select)
    {
        ArgumentNullException.ThrowIfNull(board);
        IReadOnlyList<FieldError> errors = [.. Check(page, pageSize), .. filterErrors];
        return errors.Count > 0
            ? Task.FromResult<IResult>(ApiProblems.InvalidFields(errors))
            : ApiCall.Read(http, user, () => board.Snapshot(hub), snapshot => TypedResults.Ok(Of(select(snapshot), page, pageSize)));
    }

    public static Paged<T> Of<T>(IEnumerable<T> all, int? page, int? pageSize)
    {
        var list = all.ToList();
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        // In long: a page far past the end (up to int.MaxValue) is empty, not a skip that wraps below zero.
        var skip = (long)(number - 1) * size;
        return new Paged<T>(skip >= list.Count ? [] : [.. list.Skip((int)skip).Take(size)], number, size, list.Count);
    }

    /// <summary>Each filter value as the enum member it names (any case); the values it cannot read are field errors.</summary>
    public static IReadOnlyList<TEnum>? Parse<TEnum>(string field, string[]? values, List<FieldError> errors) where TEnum : struct, Enum
    {
        if (values is not { Length: > 0 }) return null;
        var parsed = new List<TEnum>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var member) && Enum.IsDefined(member) && !int.TryParse(value, out _)) parsed.Add(member);
            else errors.Add(FieldError.Of(field, Reason.NotOneOf, value, Reasons.Choices<TEnum>()));
        }

        return parsed;
    }
}
