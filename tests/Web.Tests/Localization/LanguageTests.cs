namespace MutualAid.Web.Tests.Localization;

public sealed class LanguageTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly Uri Ask = new("/ask", UriKind.Relative);

    private HttpClient Anonymous() => world.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> Choose(HttpClient client, string culture, string returnUrl = "/ask", string? extraCookie = null)
    {
        var page = await client.GetStringAsync(new Uri(returnUrl, UriKind.Relative));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/language", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FormToken.In(page),
                ["culture"] = culture,
                ["returnUrl"] = returnUrl,
            }),
        };
        if (extraCookie is not null) post.Headers.Add("Cookie", extraCookie);
        return await client.SendAsync(post);
    }

    [Fact]
    public async Task The_browser_language_picks_the_interface_language_and_the_page_says_which()
    {
        using var client = Anonymous();
        using var spanish = new HttpRequestMessage(HttpMethod.Get, Ask);
        spanish.Headers.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");
        var body = await (await client.SendAsync(spanish)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", body);
        Assert.Contains("<h1>Pedir ayuda</h1>", body);
        Assert.Contains(">Medicamentos<", body); // enum words too, not just the labels

        var english = await client.GetStringAsync(Ask);
        Assert.Contains("<h1>Ask for help</h1>", english);
    }

    [Fact]
    public async Task The_switcher_sets_a_cookie_that_wins_over_the_browser_language()
    {
        using var client = Anonymous();
        var switched = await Choose(client, "es");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/ask", switched.Headers.Location!.OriginalString);

        using var english = new HttpRequestMessage(HttpMethod.Get, Ask);
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        Assert.Contains("<h1>Pedir ayuda</h1>", await (await client.SendAsync(english)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_language_we_do_not_have_or_a_foreign_return_address_is_refused()
    {
        using var client = Anonymous();
        Assert.Equal(HttpStatusCode.BadRequest, (await Choose(client, "xx")).StatusCode);
        var offsite = await Choose(client, "es", "//evil.example/ask");
        Assert.NotEqual("//evil.example/ask", offsite.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_persons_choice_is_kept_on_their_account_and_comes_back_at_the_next_sign_in()
    {
        var email = await world.Factory.User(new RoleGrant(Role.Dispatcher, world.A));
        using (var first = await world.Factory.SignedIn(email))
        {
            var page = await first.GetStringAsync(Ask);
            var switched = await first.PostAsync(new Uri("/language", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FormToken.In(page),
                ["culture"] = "es",
                ["returnUrl"] = "/ask",
            }));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        Assert.Equal("es", (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.Culture);

        // Another device: no language cookie until sign-in brings the account's.
        using var second = await world.Factory.SignedIn(email);
        var again = await second.GetStringAsync(Ask);
        Assert.Contains("<html lang=\"es\"", again);
        Assert.Contains("<h1>Pedir ayuda</h1>", again);
    }

    [Fact]
    public async Task A_request_sent_from_the_spanish_form_without_a_language_records_spanish_for_the_board_and_matching()
    {
        using var client = Anonymous();
        await Choose(client, "es");
        var need = "Necesito pan " + Guid.NewGuid().ToString("N")[..6];

        await AskedInSpanish(client, Ask, await client.GetStringAsync(Ask), need, "Ana", "600 000 000");
    }

    /// <summary>Sends /ask from <paramref name="form"/> to <paramref name="action"/>: thanked in Spanish, recorded as Spanish.</summary>
    private async Task AskedInSpanish(HttpClient client, Uri action, string form, string need, string name, string phone)
    {
        var sent = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(form),
            ["hub"] = world.A,
            ["category"] = nameof(RequestCategory.Food),
            ["urgency"] = nameof(Urgency.Normal),
            ["need"] = need,
            ["area"] = "Calle Mayor",
            ["name"] = name,
            ["phone"] = phone,
        }));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Gracias", await sent.Content.ReadAsStringAsync());

        var board = await world.Factory.Grains.GetGrain<MutualAid.Hubs.IHubGrain>(world.A).GetSnapshot();
        Assert.Equal("Spanish", Assert.Single(board.Requests, r => r.Need == need).PreferredLanguage);
    }

    [Fact]
    public async Task A_form_opened_in_spanish_by_a_link_posts_in_spanish_answers_in_spanish_and_records_spanish()
    {
        // A link with ?lang=es sets no cookie, and this browser asks for nothing: the form itself must carry it.
        using var client = Anonymous();
        var form = await client.GetStringAsync(new Uri("/ask?lang=es", UriKind.Relative));
        var action = System.Text.RegularExpressions.Regex.Match(form, "<form method=\"post\" action=\"(/ask[^\"]*)\"").Groups[1].Value;
        Assert.Equal("/ask?lang=es", action);

        await AskedInSpanish(client, new Uri(action, UriKind.Relative), form, "Necesito leche " + Guid.NewGuid().ToString("N")[..6], "Luz", "600 000 001");
    }
}
