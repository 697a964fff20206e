namespace MutualAid.Web.Tests.Volunteers;

/// <summary>The no-script pages a volunteer uses from a phone: their own profile and /my/jobs, over real HTTP.</summary>
public sealed class OwnPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private WebAppFactory Factory => app.Factory;

    /// <summary>A hub, a volunteer in it and an account linked to that volunteer (as joining will do).</summary>
    private async Task<(string Hub, Guid Volunteer, HttpClient Client)> Volunteer()
    {
        var hub = await Seed.Hub(Factory.Grains);
        var volunteer = await Seed.Volunteer(Factory.Grains, hub, "Vee");
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        var linked = await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"));
        Assert.True(linked.IsOk, linked.Message);
        return (hub, volunteer, await Factory.SignedIn(email));
    }

    private static Dictionary<string, string> ValidProfile(string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["_handler"] = "profile",
        ["Name"] = "Vee Okafor",
        ["Phone"] = "07700 900777",
        ["Email"] = "vee@example.org",
        ["Skills"] = "first aid, bike repairs",
        ["Languages"] = "English, Yoruba",
        ["HasVehicle"] = "true",
        ["OnDuty"] = "true",
        ["MaxConcurrentAssignments"] = "2",
        ["MaxHoursPerWeek"] = "12.5",
        ["RestAfterHoursInADay"] = "6",
        ["Latitude"] = "",
        ["Longitude"] = "",
        ["Day0"] = "Tuesday",
        ["From0"] = "09:00",
        ["To0"] = "12:00",
        ["Day1"] = "",
        ["From1"] = "",
        ["To1"] = "",
    };

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> form) =>
        await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));

    private static async Task<string> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_profile_form_saves_through_the_grain_keeps_the_hubs_and_redirects()
    {
        var (hub, volunteer, client) = await Volunteer();
        var page = await Get(client, "/my/profile");
        Assert.Contains("data-testid=\"profile-form\"", page);
        var form = ValidProfile(FormToken.In(page)).ToList();
        form.Add(new("CanHelpWith", "Food"));
        form.Add(new("CanHelpWith", "Transport"));
        form.Add(new("HubSlugs", "some-other-hub")); // not a field of this form: must change nothing

        var response = await Post(client, "/my/profile", form);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.EndsWith("/my/profile?saved=1", response.Headers.Location!.ToString());
        var saved = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;
        Assert.Equal("Vee Okafor", saved.Profile.Name);
        Assert.Equal([hub], saved.Profile.HubSlugs);
        Assert.Equal([RequestCategory.Food, RequestCategory.Transport], saved.Profile.CanHelpWith);
        Assert.Equal(["first aid", "bike repairs"], saved.Profile.Skills);
        Assert.Equal("07700 900777", saved.Profile.Contact!.Phone);
        Assert.Equal(2, saved.Profile.MaxConcurrentAssignments);
        Assert.Equal(12.5, saved.Profile.MaxHoursPerWeek);
        Assert.Equal(6, saved.Profile.RestAfterHoursInADay);
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Tuesday, new TimeOnly(9, 0), new TimeOnly(12, 0))], saved.Profile.Availability);
        Assert.Contains("data-testid=\"profile-saved\"", await Get(client, "/my/profile?saved=1"));
    }

    [Fact]
    public async Task Profile_problems_come_back_per_field_in_the_readers_words_and_nothing_is_saved()
    {
        var (_, volunteer, client) = await Volunteer();
        var before = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;
        var token = FormToken.In(await Get(client, "/my/profile"));

        var typed = ValidProfile(token);
        typed["MaxConcurrentAssignments"] = "lots";
        typed["From0"] = "12:00";
        typed["To0"] = "09:00";
        var first = await Post(client, "/my/profile", typed);
        var firstHtml = await first.Content.ReadAsStringAsync();

        var checkedByGrain = ValidProfile(token);
        checkedByGrain["Name"] = "";
        checkedByGrain["MaxHoursPerWeek"] = "200";
        var second = await Post(client, "/my/profile", checkedByGrain);
        var secondHtml = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("data-testid=\"error-MaxConcurrentAssignments\"", firstHtml);
        Assert.Contains("Write a whole number", firstHtml);
        Assert.Contains("data-testid=\"error-Window0\"", firstHtml);
        Assert.Contains("The window must end after it starts.", firstHtml);
        Assert.Contains("value=\"lots\"", firstHtml); // what they typed is kept to correct
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("data-testid=\"error-Name\"", secondHtml);
        Assert.Contains("data-testid=\"error-MaxHoursPerWeek\"", secondHtml);
        Assert.Contains("More than 0 and at most 80 hours.", secondHtml);
        Assert.Equal(before.Version, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Version);
    }

    [Fact]
    public async Task A_phone_that_is_not_a_number_is_refused_as_such_in_the_readers_language()
    {
        var (_, volunteer, client) = await Volunteer();
        var before = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;
        var typed = ValidProfile(FormToken.In(await Get(client, "/my/profile")));
        typed["Phone"] = "call me maybe";

        var english = await (await Post(client, "/my/profile", typed)).Content.ReadAsStringAsync();
        var spanish = await (await Post(client, "/my/profile?lang=es", typed)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"error-Phone\"", english);
        Assert.Contains("Give a phone number people can dial: at least 6 digits.", english);
        Assert.Contains("al que se pueda llamar: al menos 6", spanish);
        Assert.Equal(before.Version, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Version);
    }

    [Fact]
    public async Task The_profile_offers_the_accounts_email_when_it_has_none_and_email_without_an_address_is_refused_on_the_email_field()
    {
        var hub = await Seed.Hub(Factory.Grains);
        var volunteer = await Seed.Volunteer(Factory.Grains, hub, "Vee"); // no contact details
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        var client = await Factory.SignedIn(email);
        var before = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;

        var page = await Get(client, "/my/profile");
        var typed = ValidProfile(FormToken.In(page));
        typed["Email"] = "";
        typed["NotifyBy"] = "Email";
        var spanish = await (await Post(client, "/my/profile?lang=es", typed)).Content.ReadAsStringAsync();

        Assert.Contains($"name=\"Email\" type=\"email\" value=\"{email[..email.IndexOf('@', StringComparison.Ordinal)]}", page);
        Assert.Contains("data-testid=\"error-Email\"", spanish);
        Assert.Contains("para recibir avisos por correo.", spanish);
        Assert.Equal(before.Version, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Version);
    }

    [Fact]
    public async Task A_control_character_in_a_skill_or_the_name_is_refused_as_such_not_with_the_fields_length_words()
    {
        var (_, volunteer, client) = await Volunteer();
        var before = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;
        var typed = ValidProfile(FormToken.In(await Get(client, "/my/profile")));
        typed["Skills"] = "first aid\a";
        typed["Name"] = "Vee\u001bOkafor";

        var english = await (await Post(client, "/my/profile", typed)).Content.ReadAsStringAsync();
        var spanish = await (await Post(client, "/my/profile?lang=es", typed)).Content.ReadAsStringAsync();

        Assert.Equal("Remove the control characters (such as NUL or BEL): they cannot be stored.", ErrorOf(english, "Skills"));
        Assert.Equal("Remove the control characters (such as NUL or BEL): they cannot be stored.", ErrorOf(english, "Name"));
        Assert.Equal("Quita los caracteres de control (como NUL o BEL): no se pueden guardar.", ErrorOf(spanish, "Skills"));
        Assert.Equal("Quita los caracteres de control (como NUL o BEL): no se pueden guardar.", ErrorOf(spanish, "Name"));
        Assert.Equal(before.Version, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Version);
    }

    /// <summary>
    /// The form reader refuses a NUL before any field check (as on /ask), and antiforgery reported that as a
    /// bad token: a bare 400 with no body, which the browser showed as its own error.
    /// </summary>
    [Fact]
    public async Task A_nul_the_form_reader_refuses_gets_the_page_that_says_so_in_the_readers_language()
    {
        var (_, volunteer, client) = await Volunteer();
        var before = (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!;
        var typed = ValidProfile(FormToken.In(await Get(client, "/my/profile")));
        typed["Name"] = "Vera\u0000Vol";

        var english = await Post(client, "/my/profile", typed);
        var spanish = await Post(client, "/my/profile?lang=es", typed);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (english.StatusCode, english.Content.Headers.ContentType?.MediaType));
        Assert.Contains("The form could not be read.", System.Net.WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, spanish.StatusCode);
        Assert.Contains("No se pudo leer el formulario.", System.Net.WebUtility.HtmlDecode(await spanish.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before.Version, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.Version);
    }

    private static string ErrorOf(string html, string field) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"error-{field}\">([^<]*)</span>").Groups[1].Value);

    [Fact]
    public async Task An_account_without_a_volunteer_gets_a_clear_page_not_an_error()
    {
        var email = await Factory.User(new RoleGrant(Role.Dispatcher, await Seed.Hub(Factory.Grains)));
        var client = await Factory.SignedIn(email);

        var page = await Get(client, "/my/profile");

        Assert.Contains("data-testid=\"not-a-volunteer\"", page);
        Assert.DoesNotContain("data-testid=\"profile-form\"", page);
    }

    [Fact]
    public async Task A_profile_change_reaches_a_signalr_board_client_as_a_delta()
    {
        var (hub, volunteer, client) = await Volunteer();
        var coordinator = await Factory.SignedIn(await Factory.User(new RoleGrant(Role.Coordinator, hub)));
        await using var board = await BoardClient.Join(Factory.BoardConnection(coordinator), hub);
        await Wait.Until(() => board.Board.Volunteers.Any(v => v.Id == volunteer), "the volunteer on the board");
        var joinedAt = board.Board.Version;
        var form = ValidProfile(FormToken.In(await Get(client, "/my/profile"))).ToList();
        form.Add(new("CanHelpWith", "Food"));

        var response = await Post(client, "/my/profile", form);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, response.StatusCode.ToString());
        await Wait.Until(() => board.Board.Volunteers.SingleOrDefault(v => v.Id == volunteer)?.Skills.Contains("bike repairs") == true, "the new skill on the client's board");
        Assert.Contains(board.Applied, v => v > joinedAt); // it came as a delta, not a fresh snapshot
        Assert.Equal(0, board.Resyncs);
        Assert.Equal("Vee Okafor", board.Board.Volunteers.Single(v => v.Id == volunteer).Name);
    }

    [Fact]
    public async Task My_jobs_answers_303_after_a_post_and_a_reload_does_not_run_the_command_again()
    {
        var (hub, volunteer, client) = await Volunteer();
        var request = await Seed.Request(Factory.Grains, hub);
        var grain = Factory.Grains.GetGrain<IRequestGrain>(request.Id);
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Seed.Sam, volunteer, 2))).Value!;
        var page = await Get(client, "/my/jobs");
        Assert.DoesNotContain($"/my/jobs/{request.Id}/start", page); // accept comes before picked up
        var token = FormToken.In(page);
        Dictionary<string, string> Form(int version, string? hours = null) => new()
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hub"] = hub,
            ["hours"] = hours ?? "",
        };

        var startTooSoon = await Post(client, $"/my/jobs/{request.Id}/start", Form(assigned.Version));
        var accept = await Post(client, $"/my/jobs/{request.Id}/accept", Form(assigned.Version));

        Assert.Equal(HttpStatusCode.SeeOther, startTooSoon.StatusCode);
        Assert.Equal("/my/jobs?done=AcceptFirst", startTooSoon.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.SeeOther, accept.StatusCode);
        Assert.Equal("/my/jobs?done=Updated", accept.Headers.Location!.ToString());
        var accepted = (await grain.GetView())!;
        Assert.Equal(AssignmentState.Accepted, accepted.Assignment!.State);
        Assert.Equal(assigned.Version + 1, accepted.Version);

        // The browser follows the redirect and the person reloads: only GETs, so nothing runs again.
        var shown = await Get(client, accept.Headers.Location.ToString());
        await Get(client, accept.Headers.Location.ToString());
        Assert.Contains("Updated.", shown);
        Assert.Equal(accepted.Version, (await grain.GetView())!.Version);
        Assert.Contains($"/my/jobs/{request.Id}/start", shown);

        var start = await Post(client, $"/my/jobs/{request.Id}/start", Form(accepted.Version));
        Assert.Equal("/my/jobs?done=Updated", start.Headers.Location!.ToString());
        var started = (await grain.GetView())!;
        var delivered = await Get(client, "/my/jobs");
        Assert.Contains("name=\"hours\"", delivered);
        Assert.Contains("step=\"0.25\" value=\"2\"", delivered); // prefilled with the estimate

        var tooLong = await Post(client, $"/my/jobs/{request.Id}/deliver", Form(started.Version, "30"));
        var deliver = await Post(client, $"/my/jobs/{request.Id}/deliver", Form(started.Version, "1.5"));
        var resent = await Post(client, $"/my/jobs/{request.Id}/deliver", Form(started.Version, "1.5")); // a stale resend, not a second delivery

        Assert.Equal("/my/jobs?done=HoursOutOfRange", tooLong.Headers.Location!.ToString());
        Assert.Equal("/my/jobs?done=Updated", deliver.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        Assert.NotEqual("/my/jobs?done=Updated", resent.Headers.Location!.ToString());
        Assert.Equal(1.5, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.HoursTotal);
    }

    [Fact]
    public async Task My_jobs_reads_hours_with_the_spanish_decimal_comma_as_a_browser_without_type_number_sends_them()
    {
        var (hub, volunteer, client) = await Volunteer();
        client.DefaultRequestHeaders.Add("Accept-Language", "es-ES");
        var request = await Seed.Request(Factory.Grains, hub);
        var grain = Factory.Grains.GetGrain<IRequestGrain>(request.Id);
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Seed.Sam, volunteer, 2))).Value!;
        var token = FormToken.In(await Get(client, "/my/jobs"));
        Dictionary<string, string> Form(int version, string hours = "") => new()
        {
            ["__RequestVerificationToken"] = token,
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hub"] = hub,
            ["hours"] = hours,
        };
        Assert.Equal("/my/jobs?done=Updated", (await Post(client, $"/my/jobs/{request.Id}/accept", Form(assigned.Version))).Headers.Location!.ToString());
        var accepted = (await grain.GetView())!;
        Assert.Equal("/my/jobs?done=Updated", (await Post(client, $"/my/jobs/{request.Id}/start", Form(accepted.Version))).Headers.Location!.ToString());
        var started = (await grain.GetView())!;

        var deliver = await Post(client, $"/my/jobs/{request.Id}/deliver", Form(started.Version, "1,5"));

        Assert.Equal("/my/jobs?done=Updated", deliver.Headers.Location!.ToString());
        Assert.Equal(1.5, (await Factory.Grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.HoursTotal); // not 15
    }

    [Fact]
    public async Task My_jobs_never_shows_text_from_the_address_bar()
    {
        var (_, _, client) = await Volunteer();

        var page = await Get(client, "/my/jobs?done=%3Cb%3EYour%20account%20is%20locked%3C/b%3E");

        Assert.DoesNotContain("Your account is locked", page);
    }
}
