using MutualAid.Web.Tests.Areas;
using MutualAid.Web.Tests.Hosting;

namespace MutualAid.Web.Tests.Plain;

/// <summary>A field refused on a public form is named as the page labels it, in the reader's language, never by its form key.</summary>
public sealed class PublicFormFieldNameTests(PlainKestrelWithAreas world) : IClassFixture<PlainKestrelWithAreas>
{
    [Theory]
    [InlineData("es-ES", "El campo «Teléfono» contiene caracteres no permitidos.", "phone")]
    [InlineData("en-GB", "The field “Phone” contains characters that are not allowed.", "phone")]
    public async Task A_control_character_in_the_phone_is_refused_naming_the_phone_field(string culture, string said, string key)
    {
        var description = "Jam " + Guid.NewGuid().ToString("N")[..8];
        using var http = world.App.Client();
        var page = await http.GetAsync(new Uri("/offer", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["hub"] = world.PlainHub,
            ["kind"] = "Goods",
            ["category"] = "Food",
            ["description"] = description,
            ["quantity"] = "4",
            ["unit"] = "jars",
            ["name"] = "Lucía",
            ["phone"] = "07700\u0007900123",
            ["__RequestVerificationToken"] = FormToken.In(await page.Content.ReadAsStringAsync()),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/offer") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", FormToken.Cookie(page));
        request.Headers.Add("Accept-Language", culture);
        using var response = await http.SendAsync(request);

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.DoesNotContain($" {key} ", html, StringComparison.Ordinal);
    }
}
