namespace MutualAid.Web.Tests.Hosting;

/// <summary>HEAD as uptime checkers send it, on real Kestrel, which is what drops the body of the answer.</summary>
public sealed class HeadTests(PlainKestrel world) : IClassFixture<PlainKestrel>
{
    [Fact]
    public async Task Head_on_the_home_page_answers_as_get_does_without_a_body()
    {
        using var http = world.App.Client();

        using var get = await http.GetAsync(new Uri("/", UriKind.Relative));
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
