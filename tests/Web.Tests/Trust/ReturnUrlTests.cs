namespace MutualAid.Web.Tests.Trust;

public sealed partial class ReturnUrlTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private HttpClient Browser() => world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignIn(HttpClient client, string token, string email, string returnUrl) =>
        await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["password"] = WebAppFactory.Password,
            ["returnUrl"] = returnUrl,
        }));

    [Theory]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/hubs\0")]
    [InlineData("/\t/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    public async Task A_sign_in_with_an_unsafe_return_address_lands_on_the_start_page(string returnUrl)
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = Browser();

        // As a browser gets there: a link to the sign-in page carries the address, the form posts it back.
        var page = await client.GetStringAsync(new Uri("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));
        var carried = WebUtility.HtmlDecode(ReturnField().Matches(page).Last().Groups[1].Value); // the sign-in form's, after the language switcher's
        var response = await SignIn(client, FormToken.In(page), email, carried);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/", response.Headers.Location?.OriginalString);

        // Posted straight (the form reader itself refuses a NUL before any of our code runs).
        if (returnUrl.Contains('\0', StringComparison.Ordinal)) return;
        response = await SignIn(client, FormToken.In(await client.GetStringAsync(new Uri("/account/login", UriKind.Relative))), email, returnUrl);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnField();

    [Fact]
    public async Task A_safe_return_address_is_kept_and_the_language_switch_refuses_control_characters_too()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using var client = Browser();
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(page),
            ["email"] = email,
            ["password"] = WebAppFactory.Password,
            ["returnUrl"] = $"/hubs/{world.A}",
        }));
        Assert.Equal($"/hubs/{world.A}", response.Headers.Location?.OriginalString);

        // A signed-in person's forms carry a token of their own.
        page = await (await client.GetAsync(new Uri("/account/denied", UriKind.Relative))).Content.ReadAsStringAsync();
        var switched = await client.PostAsync(new Uri("/language", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(page),
            ["culture"] = "es",
            ["returnUrl"] = "/ask\r\nX: y",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }
}
