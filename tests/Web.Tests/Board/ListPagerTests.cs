namespace MutualAid.Web.Tests.Board;

/// <summary>The board's volunteers table: its order and page survive a new board, as the grid's did.</summary>
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
}
