namespace MutualAid.Web.Tests.Plain;

/// <summary>
/// Links the app builds itself, cut short (as in an SMS) or retyped, and forms sent after their page
/// expired: each answers the page's normal content or a plain page in the reader's language, never a
/// 500 or a bare string. A typed query parameter threw on a value it could not convert.
/// </summary>
public sealed class MalformedLinkTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private WebAppFactory Factory => app.Factory;

    private async Task<(string Hub, HttpClient Client)> Volunteer()
    {
        var hub = await Seed.Hub(Factory.Grains);
        var volunteer = await Seed.Volunteer(Factory.Grains, hub, "Vee");
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        var linked = await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"));
        Assert.True(linked.IsOk, linked.Message);
        return (hub, await Factory.SignedIn(email));
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Html)> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Html)> Post(HttpClient client, string path, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("1234")]
    public async Task A_time_bank_link_whose_person_cannot_be_read_shows_no_statement(string person)
    {
        var (_, client) = await Volunteer();

        var (status, _, html) = await Get(client, $"/my/timebank?person={person}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"timebank-empty\"", html, StringComparison.Ordinal);
        Assert.Contains("There is no time bank here that you can see.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_link_whose_saved_cannot_be_read_shows_the_form_without_saying_saved()
    {
        var (_, client) = await Volunteer();

        foreach (var saved in new[] { "zzz", "99999999999", "2" })
        {
            var (status, _, html) = await Get(client, $"/my/profile?saved={saved}");

            Assert.True(status == HttpStatusCode.OK, $"saved={saved}: {status}");
            Assert.Contains("data-testid=\"profile-form\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"profile-saved\"", html, StringComparison.Ordinal);
        }
    }

    /// <summary>One sign-in for every value: sign-in is rate limited per client, and this class signs in often.</summary>
    [Fact]
    public async Task A_handover_of_hours_out_of_range_is_refused_with_a_page_that_says_the_range_and_one_in_range_is_the_file()
    {
        var hub = await Seed.Hub(Factory.Grains);
        using var client = await Factory.SignedIn(await Factory.User(new RoleGrant(Role.Dispatcher, hub)));

        foreach (var hours in new[] { "99999999999", "-1", "0", "49", "zzz" })
        {
            var english = await Get(client, $"/hubs/{hub}/handover.txt?hours={hours}");
            var spanish = await Get(client, $"/hubs/{hub}/handover.txt?hours={hours}&lang=es");

            Assert.True((HttpStatusCode.BadRequest, "text/html") == (english.Status, english.Type), $"hours={hours}: {english.Status} {english.Type}");
            Assert.Contains("A handover covers 1 to 48 hours", english.Html, StringComparison.Ordinal);
            Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (spanish.Status, spanish.Type));
            Assert.Contains("Un relevo abarca de 1 a 48 horas", spanish.Html, StringComparison.Ordinal);
        }

        foreach (var query in new[] { "", "?hours=1", "?hours=48" })
        {
            var (status, type, _) = await Get(client, $"/hubs/{hub}/handover.txt{query}");
            Assert.True((HttpStatusCode.OK, "text/plain") == (status, type), $"'{query}': {status} {type}");
        }
    }

    [Fact]
    public async Task An_expired_my_jobs_form_gets_the_plain_page_in_the_readers_language_not_a_json_string()
    {
        var (hub, client) = await Volunteer();
        var stale = new Dictionary<string, string> { ["__RequestVerificationToken"] = "expired", ["version"] = "1", ["hub"] = hub };

        var english = await Post(client, $"{MyJobsEndpoints.Path}/{Guid.NewGuid()}/accept", stale);
        var spanish = await Post(client, $"{MyJobsEndpoints.Path}/{Guid.NewGuid()}/accept?lang=es", stale);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (english.Status, english.Type));
        Assert.Contains("This form was open too long or came from elsewhere.", english.Html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (spanish.Status, spanish.Type));
        Assert.Contains("Este formulario estuvo abierto demasiado tiempo o vino de otro sitio.", spanish.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_my_jobs_form_without_its_version_gets_the_plain_page_in_the_readers_language()
    {
        var (hub, client) = await Volunteer();
        var token = FormToken.In((await Get(client, "/my/profile")).Html);
        var noVersion = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["hub"] = hub };

        var english = await Post(client, $"{MyJobsEndpoints.Path}/{Guid.NewGuid()}/accept", noVersion);
        var spanish = await Post(client, $"{MyJobsEndpoints.Path}/{Guid.NewGuid()}/accept?lang=es", noVersion);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (english.Status, english.Type));
        Assert.Contains("This form was missing part of what its page puts in it.", english.Html, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (spanish.Status, spanish.Type));
        Assert.Contains("A este formulario le faltaba parte de lo que pone su página.", spanish.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_sign_out_form_gets_the_plain_page_not_an_empty_400()
    {
        var (_, client) = await Volunteer();

        var (status, type, html) = await Post(client, "/account/logout?lang=es", []);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (status, type));
        Assert.Contains("Este formulario estuvo abierto demasiado tiempo o vino de otro sitio.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_that_is_not_offered_gets_the_plain_page_in_the_readers_language()
    {
        var (_, client) = await Volunteer();
        var token = FormToken.In((await Get(client, "/my/profile")).Html);

        var (status, type, html) = await Post(client, "/language?lang=es", new() { ["__RequestVerificationToken"] = token, ["culture"] = "xx", ["returnUrl"] = "/" });

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (status, type));
        Assert.Contains("Elige uno de estos idiomas:", html, StringComparison.Ordinal);
    }

    /// <summary>The framework checks these forms' tokens itself ([FromForm]) and answered an empty 400.</summary>
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/language")]
    public async Task An_expired_form_the_framework_checks_gets_the_plain_page_in_the_readers_language(string path)
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (status, type, html) = await Post(client, path + "?lang=es", new() { ["__RequestVerificationToken"] = "expired", ["email"] = "x@example.org", ["password"] = "x", ["culture"] = "es" });

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (status, type));
        Assert.Contains("Este formulario estuvo abierto demasiado tiempo o vino de otro sitio.", html, StringComparison.Ordinal);
    }
}
