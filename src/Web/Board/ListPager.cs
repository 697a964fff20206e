namespace MutualAid.Web.Board;

/// <summary>
/// Order, filters, grouping and page of a list the board draws as a plain table (its requests and
/// volunteers). A Radzen grid keeps a component per row and per cell (and per filter drop-down item)
/// alive in every open tab; the table is part of the page's own render tree, and this holds only
/// what the coordinator chose: the column and direction, the filter texts, the grouping column, the
/// page. The rows are cut from the hub's shared board at each render, so a live change keeps the page.
/// </summary>
public sealed class ListPager<T>(int size, IReadOnlyDictionary<string, Func<T, IComparable>> keys, IReadOnlyDictionary<string, Func<T, string, bool>>? matches = null)
{
    private readonly Dictionary<string, string> filters = new(StringComparer.Ordinal);

    public int Size => size;

    /// <summary>Zero-based; clamped to the last page when the list shrinks.</summary>
    public int Page { get; private set; }

    public string? SortedBy { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>The column whose values gather the rows into groups, or none.</summary>
    public string? GroupedBy { get; private set; }

    /// <summary>How many rows the filters let through at the last cut (the pager's total).</summary>
    public int Count { get; private set; }

    public int Pages => PagesOf(Count, size);

    /// <summary>A header was pressed: ascending, then descending, then back to the board's own order.</summary>
    public void SortBy(string column)
    {
        if (!keys.ContainsKey(column)) throw new ArgumentOutOfRangeException(nameof(column), column, "not a sortable column");
        if (SortedBy != column) (SortedBy, Descending) = (column, false);
        else if (!Descending) Descending = true;
        else (SortedBy, Descending) = (null, false);
        Page = 0;
    }

    /// <summary>A filter's text changed; empty clears it. Back to the first page, as the grid did.</summary>
    public void Filter(string column, string? text)
    {
        if (matches is null || !matches.ContainsKey(column)) throw new ArgumentOutOfRangeException(nameof(column), column, "not a filterable column");
        if (string.IsNullOrWhiteSpace(text)) filters.Remove(column);
        else filters[column] = text.Trim();
        Page = 0;
    }

    /// <summary>The text a column is filtered by, empty when it is not.</summary>
    public string FilterOf(string column) => filters.GetValueOrDefault(column, "");

    /// <summary>Gathers rows by a column's values (groups in that column's order, each group in the chosen order); null ungroups.</summary>
    public void GroupBy(string? column)
    {
        if (column is not null && !keys.ContainsKey(column)) throw new ArgumentOutOfRangeException(nameof(column), column, "not a sortable column");
        GroupedBy = column;
        Page = 0;
    }

    /// <summary>The value a row is grouped under (compare neighbours to draw a group's heading).</summary>
    public IComparable? GroupOf(T row) => GroupedBy is { } column ? keys[column](row) : null;

    /// <summary>A page's rows in runs of one group each (one run when not grouped), for a heading above each.</summary>
    public IEnumerable<IReadOnlyList<T>> Groups(IReadOnlyList<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (GroupedBy is null)
        {
            if (page.Count > 0) yield return page;
            yield break;
        }

        var run = new List<T>();
        foreach (var row in page)
        {
            if (run.Count > 0 && !Equals(GroupOf(run[0]), GroupOf(row)))
            {
                yield return run;
                run = [];
            }

            run.Add(row);
        }

        if (run.Count > 0) yield return run;
    }

    public void GoTo(int page) => Page = Math.Max(0, page);

    /// <summary>The value of <c>aria-sort</c> for a column header.</summary>
    public string AriaSort(string column) => SortedBy != column ? "none" : Descending ? "descending" : "ascending";

    public static int PagesOf(int count, int size) => Math.Max(1, (count + size - 1) / size);

    /// <summary>The rows of the page shown: filtered, grouped, in the chosen order.</summary>
    public IReadOnlyList<T> Cut(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        IEnumerable<T> rows = all;
        foreach (var (column, text) in filters) rows = rows.Where(r => matches![column](r, text));

        // Stable sorts: rows that tie keep the board's own order (urgency, then age).
        IOrderedEnumerable<T>? ordered = null;
        if (GroupedBy is { } group) ordered = rows.OrderBy(keys[group]);
        if (SortedBy is { } sorted)
        {
            var key = keys[sorted];
            ordered = ordered is null
                ? Descending ? rows.OrderByDescending(key) : rows.OrderBy(key)
                : Descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        IReadOnlyList<T> matching = ordered is null && filters.Count == 0 ? all : (ordered ?? rows).ToList();
        Count = matching.Count;
        Page = Math.Min(Page, PagesOf(Count, size) - 1);
        return [.. matching.Skip(Page * size).Take(size)];
    }
}
