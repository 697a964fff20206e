namespace MutualAid.Web.Board;

/// <summary>
/// Order and page of a short list the board draws as a plain table (the volunteers). A Radzen grid
/// keeps a component per row and per cell alive in every open tab; the table is part of the page's
/// own render tree, and this holds only what the coordinator chose: the column, the direction, the
/// page. The rows are cut from the hub's shared board at each render, so a live change keeps the page.
/// </summary>
public sealed class ListPager<T>(int size, IReadOnlyDictionary<string, Func<T, IComparable>> keys)
{
    public int Size => size;

    /// <summary>Zero-based; clamped to the last page when the list shrinks.</summary>
    public int Page { get; private set; }

    public string? SortedBy { get; private set; }

    public bool Descending { get; private set; }

    /// <summary>A header was pressed: ascending, then descending, then back to the board's own order.</summary>
    public void SortBy(string column)
    {
        if (!keys.ContainsKey(column)) throw new ArgumentOutOfRangeException(nameof(column), column, "not a sortable column");
        if (SortedBy != column) (SortedBy, Descending) = (column, false);
        else if (!Descending) Descending = true;
        else (SortedBy, Descending) = (null, false);
        Page = 0;
    }

    public void GoTo(int page) => Page = Math.Max(0, page);

    /// <summary>The value of <c>aria-sort</c> for a column header.</summary>
    public string AriaSort(string column) => SortedBy != column ? "none" : Descending ? "descending" : "ascending";

    public static int PagesOf(int count, int size) => Math.Max(1, (count + size - 1) / size);

    /// <summary>The rows of the page shown, in the chosen order.</summary>
    public IReadOnlyList<T> Cut(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        Page = Math.Min(Page, PagesOf(all.Count, size) - 1);
        IEnumerable<T> rows = all;
        if (SortedBy is { } column)
        {
            var key = keys[column];
            rows = Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        }

        return [.. rows.Skip(Page * size).Take(size)];
    }
}
