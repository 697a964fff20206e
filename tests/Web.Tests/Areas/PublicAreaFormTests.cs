using MutualAid.Web.Tests.Hosting;

namespace MutualAid.Web.Tests.Areas;

/// <summary>
/// /ask and /offer offer a hub's named areas as a plain select (no script), and a submission that
/// names one is stored with that area's point, resolved by the server from the hub's own list.
/// </summary>
public sealed partial class PublicAreaFormTests(PlainKestrelWithAreas world) : IClassFixture<PlainKestrelWithAreas>
{
    [Fact]
    public async Task The_ask_form_offers_the_hubs_areas_in_a_select_without_script()
    {
        using var http = world.App.Client();
        var html = await http.GetStringAsync(new Uri($"/ask?hub={world.Hub}", UriKind.Relative));

        Assert.Matches(PlaceSelect(), html);
        Assert.Contains("<option value=\"Riverside\">Riverside</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Old Town\">Old Town</option>", html, StringComparison.Ordinal);
        Assert.Contains("Other / not listed", html, StringComparison.Ordinal);
        Assert.Contains("name=\"area\"", html, StringComparison.Ordinal); // the free text stays for a place not listed
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("latitude", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_hub_without_areas_keeps_the_free_text_area_alone()
    {
        using var http = world.App.Client();
        var html = await http.GetStringAsync(new Uri($"/ask?hub={world.PlainHub}", UriKind.Relative));
        // The chosen hub lists none, so every hub that does is offered, grouped by hub.
        Assert.Contains("<optgroup label=", html, StringComparison.Ordinal);

        await using var bare = KestrelApp.Start([]);
        using var client = bare.Client();
        var nothing = await client.GetStringAsync(new Uri("/ask", UriKind.Relative));
        Assert.DoesNotContain("name=\"place\"", nothing, StringComparison.Ordinal);
        Assert.Contains("name=\"area\"", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_in_a_listed_area_stores_the_areas_point_and_ignores_a_posted_position()
    {
        var need = "Bread for " + Guid.NewGuid().ToString("N")[..8];
        var response = await Ask(world.Hub, need, "07700 900321", new()
        {
            ["place"] = "riverside",
            ["area"] = "",
            ["latitude"] = "10",
            ["longitude"] = "10",
            ["location"] = "10,10",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your reference is", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var summary = await OnBoard(b => b.Requests.FirstOrDefault(r => r.Need == need));
        var view = (await world.App.Factory.Grains.GetGrain<IRequestGrain>(summary.Id).GetView())!;
        Assert.Equal("Riverside", view.Area);
        Assert.Equal(PlainKestrelWithAreas.Riverside.Point, view.Location);
        Assert.Equal(PlainKestrelWithAreas.Riverside.Point.Approximate(), summary.ApproximateLocation);
    }

    [Fact]
    public async Task Other_not_listed_keeps_the_typed_area_with_no_point()
    {
        var need = "Soup for " + Guid.NewGuid().ToString("N")[..8];
        var response = await Ask(world.Hub, need, "07700 900322", new() { ["place"] = "", ["area"] = "Behind the station" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await OnBoard(b => b.Requests.FirstOrDefault(r => r.Need == need));
        Assert.Equal("Behind the station", summary.Area);
        Assert.Null(summary.ApproximateLocation);
    }

    [Fact]
    public async Task An_area_of_another_hub_is_refused_and_nothing_is_stored()
    {
        var need = "Milk for " + Guid.NewGuid().ToString("N")[..8];
        var response = await Ask(world.PlainHub, need, "07700 900323", new() { ["place"] = "Riverside" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose an area of the hub you chose", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain((await world.App.Factory.Grains.GetGrain<IHubGrain>(world.PlainHub).GetSnapshot()).Requests, r => r.Need == need);
    }

    [Fact]
    public async Task Offering_in_a_listed_area_puts_the_offer_at_the_areas_approximate_point()
    {
        var description = "Apples " + Guid.NewGuid().ToString("N")[..8];
        var response = await Post("/offer", new()
        {
            ["hub"] = world.Hub,
            ["kind"] = "Goods",
            ["category"] = "Food",
            ["description"] = description,
            ["quantity"] = "3",
            ["unit"] = "kg",
            ["place"] = "Old Town",
            ["name"] = "Tom",
            ["phone"] = "07700 900999",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = await OnBoard(b => b.Offers.FirstOrDefault(o => o.Description == description));
        Assert.Equal("Old Town", offer.Area);
        Assert.Equal(PlainKestrelWithAreas.OldTown.Point.Approximate(), offer.ApproximateLocation);
    }

    /// <summary>Maria asks for food on /ask at <paramref name="hub"/>; <paramref name="where"/> says where (and whatever else a test posts).</summary>
    private Task<HttpResponseMessage> Ask(string hub, string need, string phone, Dictionary<string, string> where)
    {
        where["hub"] = hub;
        where["category"] = "Food";
        where["urgency"] = "Normal";
        where["need"] = need;
        where["name"] = "Maria";
        where["phone"] = phone;
        return Post("/ask", where);
    }

    private Task<HttpResponseMessage> Post(string path, Dictionary<string, string> fields) => PublicFormPost.Send(world.App, path, fields);

    private async Task<T> OnBoard<T>(Func<BoardSnapshot, T?> find) where T : class
    {
        var board = world.App.Factory.Grains.GetGrain<IHubGrain>(world.Hub);
        await Wait.Until(async () => find(await board.GetSnapshot()) is not null, "the submission reaches the board");
        return find(await board.GetSnapshot())!;
    }

    [GeneratedRegex("<select id=\"place\" name=\"place\">")]
    private static partial Regex PlaceSelect();
}

/// <summary>A real app on loopback with a region, one hub listing two areas and one listing none.</summary>
public sealed class PlainKestrelWithAreas : IAsyncLifetime
{
    public static readonly NamedArea Riverside = new("Riverside", new GeoPoint(51.5123, -0.0912));
    public static readonly NamedArea OldTown = new("Old Town", new GeoPoint(51.5301, -0.1204));

    public KestrelApp App { get; private set; } = null!;

    public string Hub { get; private set; } = "";

    public string PlainHub { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = KestrelApp.Start([]);
        var grains = App.Factory.Grains;
        var region = "r-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await grains.GetGrain<IRegionGrain>(region).Configure("West", Seed.Sam)).IsOk);
        Hub = await Seed.Hub(grains, region);
        PlainHub = await Seed.Hub(grains, region);
        var hub = grains.GetGrain<IHubGrain>(Hub);
        var saved = await hub.Configure((await hub.GetSettings())! with { Areas = [Riverside, OldTown] }, Seed.Sam);
        Assert.True(saved.IsOk, saved.Message);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
