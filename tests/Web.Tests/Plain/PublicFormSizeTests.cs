using MutualAid.Web.Intake;
using MutualAid.Web.Tests.Areas;
using MutualAid.Web.Tests.Hosting;

namespace MutualAid.Web.Tests.Plain;

/// <summary>
/// A public form filled to every field's maxlength is taken in any script: a character outside ASCII
/// is sent as up to nine bytes, so the body cap is measured against that, not against the characters.
/// </summary>
public sealed class PublicFormSizeTests(PlainKestrelWithAreas world) : IClassFixture<PlainKestrelWithAreas>
{
    private const char Han = '需'; // three bytes in UTF-8, nine once percent-encoded

    private static string Full(int length) => new(Han, length);

    [Fact]
    public async Task An_ask_form_with_every_field_at_its_maxlength_in_chinese_is_taken()
    {
        var domain = "@例子.中国";
        using var response = await PublicFormPost.Send(world.App, "/ask", new()
        {
            ["hub"] = world.PlainHub,
            ["category"] = "Food",
            ["urgency"] = "Normal",
            ["need"] = Full(2000),
            ["area"] = Full(200),
            ["name"] = Full(200),
            ["phone"] = new string('7', 40),
            ["email"] = Full(200 - domain.Length) + domain,
            ["address"] = Full(200),
            ["language"] = Full(40),
            ["access"] = Full(2000),
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"reference\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_body_a_person_can_type_reaches_the_field_checks_and_more_is_still_413()
    {
        // Every field a person can fill, phone, email and place included, at its maxlength in a three-byte script.
        var fields = new Dictionary<string, string>
        {
            ["hub"] = world.Hub,
            ["category"] = "Food",
            ["urgency"] = "Normal",
            ["need"] = Full(2000),
            ["place"] = Full(100),
            ["area"] = Full(200),
            ["name"] = Full(200),
            ["phone"] = Full(40),
            ["email"] = Full(200),
            ["address"] = Full(200),
            ["language"] = Full(40),
            ["access"] = Full(2000),
        };
        using var largest = await PublicFormPost.Send(world.App, "/ask", new(fields));
        Assert.Equal(HttpStatusCode.BadRequest, largest.StatusCode); // the phone and place are wrong, the size is not
        Assert.DoesNotContain("Too long", await largest.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["filler"] = new string('x', PublicIntakeEndpoints.MaxBodyBytes);
        using var over = await PublicFormPost.Send(world.App, "/ask", fields);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("Too long", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
