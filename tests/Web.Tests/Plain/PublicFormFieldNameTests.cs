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
        using var response = await PublicFormPost.Send(world.App, "/offer", new()
        {
            ["hub"] = world.PlainHub,
            ["kind"] = "Goods",
            ["category"] = "Food",
            ["description"] = description,
            ["quantity"] = "4",
            ["unit"] = "jars",
            ["name"] = "Lucía",
            ["phone"] = "07700\u0007900123",
        }, culture);

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(said, html, StringComparison.Ordinal);
        Assert.DoesNotContain($" {key} ", html, StringComparison.Ordinal);
    }
}
