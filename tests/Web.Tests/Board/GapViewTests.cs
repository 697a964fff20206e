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
}
