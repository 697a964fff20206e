namespace MutualAid.Web.Tests.Board;

public sealed class MapOptionsTests
{
    private static MapOptions Read(string? tileUrl) =>
        MapOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MutualAid:Map:TileUrl"] = tileUrl }).Build());

    [Fact]
    public void No_tile_url_means_offline_and_the_csp_allows_no_other_origin()
    {
        var options = Read(null);
        Assert.False(options.HasTiles);
        Assert.Null(options.TileOrigin);
        Assert.Contains("img-src 'self' data:;", SecurityHeaders.Policy(options.TileOrigin), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org")]
    [InlineData("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    public void A_tile_server_is_allowed_to_serve_images_and_nothing_else(string url, string origin)
    {
        var options = Read(url);
        Assert.Equal(origin, options.TileOrigin);
        var policy = SecurityHeaders.Policy(options.TileOrigin);
        Assert.Contains($"img-src 'self' data: {origin};", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiles/{z}/{x}/{y}.png", "absolute")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png", "absolute")]
    [InlineData("https://tiles.example.org/{z}/{x}.png", "{y}")]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png; script-src *", "semicolons")]
    public void A_bad_tile_url_stops_start_up_saying_what_to_fix(string url, string hint)
    {
        var error = Assert.Throws<StartupException>(() => Read(url));
        Assert.Contains("MutualAid:Map:TileUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
