using MutualAid.Web.Tests.Areas;
using MutualAid.Web.Tests.Hosting;

namespace MutualAid.Web.Tests.Plain;

/// <summary>What a person types into a public form is checked by the same rules whoever bypasses the browser's own checks.</summary>
public sealed class PublicFormContactTests(PlainKestrelWithAreas world) : IClassFixture<PlainKestrelWithAreas>
{
    [Theory]
    [InlineData("/ask", "en-GB", "That is not an email address.")]
    [InlineData("/offer", "es-ES", "Eso no es una dirección de correo.")]
    public async Task An_email_without_an_at_sign_is_refused_and_no_reference_is_issued(string path, string culture, string said)
    {
        var name = "Ana " + Guid.NewGuid().ToString("N")[..8];
        using var response = await PublicFormPost.Send(world.App, path, Form(path, name, email: "not-an-email"), culture);

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"reference\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plausible_email_is_still_taken()
    {
        using var response = await PublicFormPost.Send(world.App, "/ask", Form("/ask", "Ana", email: "ana@example.org"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"reference\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\a')]
    [InlineData('\u001b')]
    public async Task A_control_character_in_the_name_gets_the_field_message(char control)
    {
        using var response = await PublicFormPost.Send(world.App, "/ask", Form("/ask", "Ana" + control + "Lee", email: "ana@example.org"), "en-GB");

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The field “Your name” contains characters that are not allowed.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// ASP.NET Core's form reader refuses a percent-encoded NUL before any of our checks
    /// (InvalidDataException "The form value contains invalid characters"), so it cannot name the
    /// field; it still gets a page that says so, and nothing is stored.
    /// </summary>
    [Fact]
    public async Task A_nul_is_refused_below_the_field_checks_with_a_page_that_says_so()
    {
        using var response = await PublicFormPost.Send(world.App, "/ask", Form("/ask", "Ana\0Lee", email: "ana@example.org"), "en-GB");

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be read.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"reference\"", html, StringComparison.Ordinal);
    }

    /// <summary>Every antiforgery-checked form shared the gap /ask had closed: antiforgery read the form and reported only a bad token.</summary>
    [Fact]
    public async Task A_nul_in_the_language_switcher_gets_the_same_page_in_the_readers_language()
    {
        using var http = world.App.Client();
        var page = await http.GetAsync(new Uri("/ask", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            [FormToken.FieldName] = FormToken.In(await page.Content.ReadAsStringAsync()),
            ["culture"] = "es\0",
            ["returnUrl"] = "/ask",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/language") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", FormToken.Cookie(page));
        request.Headers.Add("Accept-Language", "es-ES");

        using var response = await http.SendAsync(request);

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        Assert.Contains("No se pudo leer el formulario.", html, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Form(string path, string name, string email) => path == "/ask"
        ? new()
        {
            ["hub"] = world.PlainHub,
            ["category"] = "Food",
            ["urgency"] = "Normal",
            ["need"] = "A food parcel",
            ["area"] = "Elm Street",
            ["name"] = name,
            ["email"] = email,
        }
        : new()
        {
            ["hub"] = world.PlainHub,
            ["kind"] = "Goods",
            ["category"] = "Food",
            ["description"] = "Jam",
            ["quantity"] = "4",
            ["unit"] = "jars",
            ["name"] = name,
            ["email"] = email,
        };
}
