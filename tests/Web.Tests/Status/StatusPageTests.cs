namespace MutualAid.Web.Tests.Status;

public sealed class StatusPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    /// <summary>Posts the form as a browser would: the page's antiforgery token and cookie, in <paramref name="language"/>.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> Check(HttpClient client, string code, string digits, string language = "en")
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var page = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = FormToken.In(page),
            ["code"] = code,
            ["digits"] = digits,
        }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Answer(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-answer\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value).Trim();

    [Fact]
    public async Task The_right_code_and_digits_show_the_status_in_plain_words_without_who_or_where()
    {
        var request = await Seed.Claimed(Grains, await Seed.Hub(Grains), "07700 900123");
        using var client = app.Factory.CreateClient();

        // Any case, with or without the dash.
        var (status, html) = await Check(client, request.ReferenceCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), "0123");
        var (_, spanish) = await Check(client, request.ReferenceCode, "0123", "es");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("A volunteer is on the way.", Answer(html), StringComparison.Ordinal);
        Assert.Contains("Un voluntario va en camino.", Answer(spanish), StringComparison.Ordinal);
        foreach (var secret in new[] { "Victor", "Maria", "Elm Street", "12 Elm", "07700" }) Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_no_provider_the_messages_we_decided_for_the_person_are_listed_by_kind_without_their_words()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Claimed(Grains, hub, "07700 900789");
        Assert.True((await Grains.GetGrain<IRequestGrain>(request.Id).Start(new RequestCommand(request.Version, Seed.Sam) { Hub = hub })).IsOk);
        var outbox = Grains.GetGrain<MutualAid.Notifications.IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.ForRecipient(MutualAid.Notifications.Recipient.Requester(request.Id), 10)).Count >= 2, "the requester's two messages (received, on the way) reach the outbox");
        using var client = app.Factory.CreateClient();

        var (_, html) = await Check(client, request.ReferenceCode, "0789");

        var sent = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-sent\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Contains("Volunteer on the way", sent, StringComparison.Ordinal);
        Assert.Contains("Request received", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("Victor", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_we_sent_something_is_given_in_the_hubs_time_and_named_so()
    {
        var hub = await Seed.Hub(Grains);
        await Seed.InZone(Grains, hub, "Asia/Tokyo");
        var request = await Seed.Request(Grains, hub, phone: "07700 900790");
        var outbox = Grains.GetGrain<MutualAid.Notifications.IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.ForRecipient(MutualAid.Notifications.Recipient.Requester(request.Id), 10)).Count >= 1, "the requester's message reaches the outbox");
        var decided = (await outbox.ForRecipient(MutualAid.Notifications.Recipient.Requester(request.Id), 10))[0].Message.DecidedAt;
        using var client = app.Factory.CreateClient();

        var (_, html) = await Check(client, request.ReferenceCode, "0790");

        var sent = WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-sent\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value);
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        Assert.Contains($"{TimeZoneInfo.ConvertTime(decided, tokyo).ToString("g", MutualAid.Web.Localization.Languages.Culture("en"))} (Asia/Tokyo)", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("(UTC)", sent, StringComparison.Ordinal);
        // The month by its name: "12/6/2026" reads as 12 June to half the English-reading world.
        var local = TimeZoneInfo.ConvertTime(decided, tokyo);
        Assert.Contains($"{local.Day} {local.ToString("MMM", System.Globalization.CultureInfo.InvariantCulture)} {local.Year}", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_digits_and_a_wrong_code_get_the_same_answer()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Request(Grains, hub, phone: "07700 900456");
        using var client = app.Factory.CreateClient();

        var (_, right) = await Check(client, request.ReferenceCode, "0456");
        var (wrongDigitsStatus, wrongDigits) = await Check(client, request.ReferenceCode, "0457");
        var (wrongCodeStatus, wrongCode) = await Check(client, "ZZZ-ZZZZ", "0456");

        Assert.Contains("We have received your request.", Answer(right), StringComparison.Ordinal);
        Assert.Equal(wrongCodeStatus, wrongDigitsStatus);
        Assert.Equal(Answer(wrongCode), Answer(wrongDigits));
        Assert.Contains("could not find", Answer(wrongDigits), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_too_many_wrong_digits_a_code_answers_not_found_even_to_the_right_ones_and_other_codes_still_answer()
    {
        var hub = await Seed.Hub(Grains);
        var guessed = await Seed.Request(Grains, hub, phone: "07700 900321");
        var other = await Seed.Request(Grains, hub, phone: "07700 900654");
        using var client = app.Factory.CreateClient();
        var (unknownStatus, unknown) = await Check(client, "ZZZ-ZZZZ", "0321");

        for (var guess = 1000; guess < 1006; guess++) await Check(client, guessed.ReferenceCode, guess.ToString(CultureInfo.InvariantCulture));
        var (lockedStatus, locked) = await Check(client, guessed.ReferenceCode, "0321");

        Assert.Equal(unknownStatus, lockedStatus);
        Assert.Equal(Answer(unknown), Answer(locked));
        Assert.Contains("could not find", Answer(locked), StringComparison.Ordinal);
        Assert.Contains("We have received your request.", Answer((await Check(client, other.ReferenceCode, "0654")).Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivered_and_a_cancelled_request_say_so()
    {
        var hub = await Seed.Hub(Grains);
        var request = await Seed.Request(Grains, hub, phone: "07700 900789");
        var cancelled = await Grains.GetGrain<IRequestGrain>(request.Id).Cancel(new RequestCommand(request.Version, Seed.Sam, "Maria moved to Leeds") { Hub = hub });
        Assert.True(cancelled.IsOk, cancelled.Message);
        using var client = app.Factory.CreateClient();

        var (_, html) = await Check(client, request.ReferenceCode, "0789");

        Assert.Contains("Your request was cancelled.", Answer(html), StringComparison.Ordinal);
        // A person's typed reason may name people or places; only the system's coded reasons are shown.
        Assert.DoesNotContain("Leeds", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_is_small_and_has_no_script()
    {
        using var client = app.Factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/status", UriKind.Relative));

        Assert.True(Encoding.UTF8.GetByteCount(html) < 10 * 1024, $"{Encoding.UTF8.GetByteCount(html)} bytes");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"digits\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_without_the_antiforgery_token_is_refused()
    {
        using var client = app.Factory.CreateClient();

        var response = await client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "ABC-DEFG", ["digits"] = "1234" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class StatusLimitTests : IAsyncLifetime
{
    private readonly WebAppFactory factory = new(new Dictionary<string, string>
    {
        ["MutualAid:PublicFormPermits"] = "3",
        ["MutualAid:PublicFormWindowSeconds"] = "60",
    });

    [Fact]
    public async Task Guessing_digits_is_cut_off_after_a_few_tries()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var digits = 1000; digits < 1006; digits++)
        {
            var response = await client.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = "ABC-DEFG",
                ["digits"] = digits.ToString(CultureInfo.InvariantCulture),
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/status", UriKind.Relative))).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();
}
