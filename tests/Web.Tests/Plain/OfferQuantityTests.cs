using MutualAid.Web.Tests.Areas;
using MutualAid.Web.Tests.Hosting;

namespace MutualAid.Web.Tests.Plain;

/// <summary>
/// The public offer form reads "how much" as the person meant it, in either language: a decimal mark
/// is read as one whichever it is, and a group separator is never silently read as one.
/// </summary>
public sealed class OfferQuantityTests(PlainKestrelWithAreas world) : IClassFixture<PlainKestrelWithAreas>
{
    [Theory]
    [InlineData("es-ES", "2.5")]
    [InlineData("es-ES", "2,5")]
    [InlineData("en-GB", "2.5")]
    [InlineData("en-GB", "2,5")]
    public async Task Two_and_a_half_is_two_and_a_half_whichever_mark_is_typed(string culture, string typed)
    {
        var description = "Flour " + Guid.NewGuid().ToString("N")[..8];
        using var response = await Offer(culture, description, typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = world.App.Factory.Grains.GetGrain<IHubGrain>(world.PlainHub);
        await Wait.Until(async () => (await board.GetSnapshot()).Offers.Any(o => o.Description == description), "the offer on the board");
        Assert.Equal(2.5m, (await board.GetSnapshot()).Offers.Single(o => o.Description == description).Quantity);
    }

    [Theory]
    [InlineData("es-ES", "1.000", "La cantidad debe ser un número")]
    [InlineData("en-GB", "1,000", "Quantity must be a number")]
    public async Task A_number_that_reads_as_a_thousand_in_one_language_and_one_in_the_other_is_asked_again(string culture, string typed, string said)
    {
        var description = "Nappies " + Guid.NewGuid().ToString("N")[..8];
        using var response = await Offer(culture, description, typed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain((await world.App.Factory.Grains.GetGrain<IHubGrain>(world.PlainHub).GetSnapshot()).Offers, o => o.Description == description);
    }

    /// <summary>Ten octillion was refused as "must be more than zero", and a 28th decimal was kept.</summary>
    [Theory]
    [InlineData("en-GB", "9999999999999999999999999999", "Give a quantity of at most 1,000,000.")]
    [InlineData("es-ES", "9999999999999999999999999999", "La cantidad puede ser como mucho 1.000.000.")]
    [InlineData("en-GB", "0.0000000000000000000000000001", "Give the quantity with at most two decimals")]
    [InlineData("es-ES", "0,0001", "Escribe la cantidad con dos decimales como mucho")]
    public async Task A_quantity_out_of_range_is_told_the_limit_it_passed(string culture, string typed, string said)
    {
        var description = "Rice " + Guid.NewGuid().ToString("N")[..8];
        using var response = await Offer(culture, description, typed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Offer(string culture, string description, string quantity) =>
        PublicFormPost.Send(world.App, "/offer", new()
        {
            ["hub"] = world.PlainHub,
            ["kind"] = "Goods",
            ["category"] = "Food",
            ["description"] = description,
            ["quantity"] = quantity,
            ["unit"] = "kg",
            ["name"] = "Lucía",
        }, culture);
}
