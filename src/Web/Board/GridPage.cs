using Radzen;

namespace MutualAid.Web.Board;

/// <summary>
/// The page of a board grid one tab shows, cut from the hub's shared immutable board. Radzen's grid
/// pages by itself only over a <c>Data</c> it owns, and it goes back to page one whenever that
/// reference changes, which on a live board is at every change anyone makes. Fed through
/// <c>LoadData</c> instead, the grid keeps its page: the tab remembers the coordinator's last query
/// (filters, order, page) and re-cuts that page from each new board. The tab holds only the rows it
/// shows; the board itself stays one object per hub per process (issue 18: ≤ 1 MB per tab).
/// </summary>
public sealed class GridPage<T>(int size)
{
    private LoadDataArgs query = new() { Skip = 0, Top = size };

    /// <summary>The rows of the page shown, a new list at every cut so the grid renders them again.</summary>
    public IReadOnlyList<T> Rows { get; private set; } = [];

    /// <summary>How many rows the query matches across all pages (the pager's total).</summary>
    public int Count { get; private set; }

    /// <summary>The grid asked for another page, order or filter.</summary>
    public void Load(LoadDataArgs args, IReadOnlyList<T> board)
    {
        ArgumentNullException.ThrowIfNull(args);
        query = args;
        Cut(board);
    }

    /// <summary>A new board arrived: the same query over it, on the same page.</summary>
    public void Cut(IReadOnlyList<T> board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var rows = board.AsQueryable();
        if (query.Filters is { } filters && filters.Any())
        {
            rows = rows.Where(filters, LogicalFilterOperator.And, FilterCaseSensitivity.CaseInsensitive);
        }

        if (!string.IsNullOrEmpty(query.OrderBy)) rows = rows.OrderBy(query.OrderBy);
        Count = rows.Count();
        Rows = [.. rows.Skip(query.Skip ?? 0).Take(query.Top ?? size)];
    }
}
