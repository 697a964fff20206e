namespace MutualAid.Web.Tests.Board;

public sealed class GapViewTests
{
    private static BoardCounts Counts(Dictionary<RequestCategory, int> needs, Dictionary<RequestCategory, int> offers) =>
        BoardCounts.Empty with { OpenNeedsByCategory = needs, OpenOffersByCategory = offers };

    [Fact]
    public void A_region_sums_its_hubs_and_lists_needs_with_no_offers_first()
    {
        var north = Counts(new() { [RequestCategory.Food] = 3, [RequestCategory.Medicine] = 2 }, new() { [RequestCategory.Food] = 1 });
        var south = Counts(new() { [RequestCategory.Food] = 1, [RequestCategory.Shelter] = 1 }, new() { [RequestCategory.Transport] = 4 });

        var rows = GapView.Rows([north, south]);

        Assert.Equal(
        [
            new GapRow("Medicine", 2, 0),
            new GapRow("Shelter", 1, 0),
            new GapRow("Food", 4, 1),
            new GapRow("Transport", 0, 4),
        ], rows);
        Assert.Equal(["Medicine", "Shelter"], rows.Where(r => r.IsGap).Select(r => r.Category));
    }

    [Fact]
    public void By_area_a_hub_lists_areas_with_needs_and_no_offers_first_and_other_places_as_one_row()
    {
        var counts = BoardCounts.Empty with
        {
            OpenNeedsByArea = new Dictionary<string, int> { ["Riverside"] = 2, ["Old Town"] = 1, [""] = 3 },
            OpenOffersByArea = new Dictionary<string, int> { ["Old Town"] = 2, [""] = 1 },
        };

        Assert.Equal([new GapRow("Riverside", 2, 0), new GapRow("", 3, 1), new GapRow("Old Town", 1, 2)], GapView.ByArea(counts));
        Assert.Empty(GapView.ByArea(BoardCounts.Empty));
    }
}
