using System.Text.RegularExpressions;

namespace MutualAid.Web.Tests.Hosting;

/// <summary>What a browser gets around the pages: the icon font, a page for an unknown address, HEAD.</summary>
public sealed partial class ServedShellTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private HttpClient Browser() => app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The hubs page, as someone signed in sees it (anyone else is sent to sign in).</summary>
    private async Task<HttpClient> SignedIn() =>
        await app.Factory.SignedIn(await app.Factory.User(new RoleGrant(Role.Volunteer, await Seed.Hub(app.Factory.Grains))));

    /// <summary>
    /// The @font-face was written HTML-encoded (font-family:&amp;quot;…), which declares no face: every icon
    /// showed, and was read out, as its ligature name ("volunteer_activism").
    /// </summary>
    [Fact]
    public async Task The_icon_face_is_declared_as_css_and_its_font_is_served()
    {
        using var browser = await SignedIn();
        var html = await browser.GetStringAsync(new Uri("/", UriKind.Relative));

        var styles = StyleBlock().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(styles);
        Assert.All(styles, css => Assert.DoesNotContain("&quot;", css, StringComparison.Ordinal));
        var face = FontFace().Match(string.Concat(styles));
        Assert.True(face.Success, string.Join("\n", styles));
        Assert.Contains("--rz-icon-font-family:\"MutualAid Symbols\"", string.Concat(styles), StringComparison.Ordinal);

        using var font = await browser.GetAsync(new Uri(face.Groups[1].Value, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, font.StatusCode);
        Assert.Equal("font/woff2", font.Content.Headers.ContentType?.MediaType);
        Assert.True((await font.Content.ReadAsByteArrayAsync()).Length > 1000);
    }

    [Theory]
    [InlineData("/no/such/page", "en-GB", "There is nothing at this address.")]
    [InlineData("/public/hubs/nope", "es-ES", "No hay nada en esta dirección.")]
    public async Task An_unknown_address_gets_a_plain_page_in_the_readers_language(string path, string culture, string said)
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Accept-Language", culture);

        using var response = await browser.SendAsync(request);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_api_path_is_still_problem_json_not_a_page()
    {
        using var browser = Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/no/such/thing", UriKind.Relative));
        request.Headers.Add("Accept-Language", "es-ES");

        using var response = await browser.SendAsync(request);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Uptime checkers ask with HEAD; a 405 for the home page reads as the site being down.</summary>
    [Fact]
    public async Task The_home_page_answers_head_as_it_answers_get()
    {
        using var browser = await SignedIn();

        using var get = await browser.GetAsync(new Uri("/", UriKind.Relative));
        using var head = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("@font-face\\{font-family:\"MutualAid Symbols\";src:url\\(\"([^\"]+\\.woff2)\"\\) format\\(\"woff2\"\\)")]
    private static partial Regex FontFace();
}
