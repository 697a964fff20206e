namespace MutualAid.Web.Tests.Board;

/// <summary>The board's requests and volunteers tables: their order, filters, groups and page survive a new board, as the grids' did.</summary>
public sealed class ListPagerTests
{
    private static readonly Dictionary<string, Func<(string Name, int Load), IComparable>> Keys = new()
    {
        ["name"] = v => v.Name,
        ["load"] = v => v.Load,
    };

    [Fact]
    public void A_header_sorts_ascending_then_descending_then_back_to_the_boards_own_order()
    {
        var board = new[] { ("Cy", 2), ("Ada", 0), ("Bo", 1) };
        var pager = new ListPager<(string Name, int Load)>(10, Keys);

        pager.SortBy("load");
        Assert.Equal(["Ada", "Bo", "Cy"], pager.Cut(board).Select(v => v.Name));
        Assert.Equal("ascending", pager.AriaSort("load"));
        Assert.Equal("none", pager.AriaSort("name"));

        pager.SortBy("load");
        Assert.Equal(["Cy", "Bo", "Ada"], pager.Cut(board).Select(v => v.Name));
        Assert.Equal("descending", pager.AriaSort("load"));

        pager.SortBy("load");
        Assert.Equal(["Cy", "Ada", "Bo"], pager.Cut(board).Select(v => v.Name));
        Assert.Equal("none", pager.AriaSort("load"));
    }

    [Fact]
    public void A_new_board_keeps_the_page_and_a_shorter_one_lands_on_its_last_page()
    {
        var pager = new ListPager<(string Name, int Load)>(2, Keys);
        pager.SortBy("name");
        pager.GoTo(1);
        var five = new[] { ("E", 0), ("D", 0), ("C", 0), ("B", 0), ("A", 0) };
        Assert.Equal(["C", "D"], pager.Cut(five).Select(v => v.Name));

        Assert.Equal(["C", "D"], pager.Cut([.. five, ("F", 0)]).Select(v => v.Name));
        Assert.Equal(1, pager.Page);

        Assert.Equal(["A", "B"], pager.Cut(five[3..]).Select(v => v.Name));
        Assert.Equal(0, pager.Page);
        Assert.Equal(3, ListPager<int>.PagesOf(5, 2));
        Assert.Equal(1, ListPager<int>.PagesOf(0, 2));
    }

    private static readonly Dictionary<string, Func<(string Name, int Load), string, bool>> Matches = new()
    {
        ["name"] = (v, text) => v.Name.Contains(text, StringComparison.OrdinalIgnoreCase),
    };

    [Fact]
    public void A_filter_counts_and_pages_only_the_rows_it_lets_through_and_sends_the_coordinator_back_to_page_one()
    {
        var board = new[] { ("Ann", 0), ("Bob", 1), ("Anna", 2), ("Cy", 0), ("Hannah", 1) };
        var pager = new ListPager<(string Name, int Load)>(2, Keys, Matches);
        pager.GoTo(2);
        Assert.Equal(["Hannah"], pager.Cut(board).Select(v => v.Name));

        pager.Filter("name", " an ");
        Assert.Equal(0, pager.Page);
        Assert.Equal(["Ann", "Anna"], pager.Cut(board).Select(v => v.Name));
        Assert.Equal((3, 2), (pager.Count, pager.Pages));
        Assert.Equal("an", pager.FilterOf("name"));

        pager.Filter("name", "");
        Assert.Equal(2, pager.Cut(board).Count);
        Assert.Equal(5, pager.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => pager.Filter("load", "1"));
    }

    [Fact]
    public void Grouping_gathers_rows_by_a_columns_values_across_pages_keeping_the_chosen_order_inside_each_group()
    {
        var board = new[] { ("Cy", 2), ("Ada", 1), ("Bo", 2), ("Di", 1), ("Ed", 0) };
        var pager = new ListPager<(string Name, int Load)>(4, Keys);
        pager.SortBy("name");
        pager.SortBy("name");
        pager.GroupBy("load");

        var page = pager.Cut(board);
        Assert.Equal(["Ed", "Di", "Ada", "Cy"], page.Select(v => v.Name));
        Assert.Equal([["Ed"], ["Di", "Ada"], ["Cy"]], pager.Groups(page).Select(g => g.Select(v => v.Name).ToArray()));
        Assert.Equal(2, pager.GroupOf(page[^1]));

        pager.GroupBy(null);
        Assert.Single(pager.Groups(pager.Cut(board)));
        Assert.Empty(pager.Groups(pager.Cut([])));
    }
}
