using MutualAid.Web.Transparency;

namespace MutualAid.Web.Tests.Transparency;

public sealed class PublicPageOptionsTests
{
    private static PublicPageOptions Read(string? fresh) =>
        PublicPageOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(fresh is null ? [] : new Dictionary<string, string?> { ["MutualAid:PublicPages:Fresh"] = fresh }).Build());

    [Fact]
    public void A_public_page_is_kept_a_minute_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Read(null).Fresh);
        Assert.Equal(TimeSpan.FromSeconds(2), Read("00:00:02").Fresh);
    }

    [Theory]
    [InlineData("00:00:00", "between")]
    [InlineData("02:00:00", "between")]
    [InlineData("soon", "invalid")]
    public void A_bad_freshness_stops_start_up_saying_what_to_fix(string fresh, string hint)
    {
        var error = Assert.Throws<StartupException>(() => Read(fresh));
        Assert.Contains("MutualAid:PublicPages", error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
