using MutualAid.Web.Tests.Notifications;

namespace MutualAid.Web.Tests.Sms;

/// <summary>
/// From an empty network (a fresh app with nothing in it): a neighbour texts for help in Spanish, a
/// dispatcher assigns it through the dispatch API, the volunteer answers by text, and the neighbour
/// checks /status. The fixture's app starts empty; nothing here uses demo accounts.
/// </summary>
public sealed class SmsJourneyTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    [Fact]
    public async Task A_text_in_Spanish_is_on_the_board_assigned_accepted_and_delivered_by_text_and_shown_delivered_on_status()
    {
        var grains = app.Factory.Grains;
        Assert.Empty(await grains.GetGrain<INetworkGrain>(0).GetRegions());

        // The coordinator sets the hub up, with the number people text.
        const string hubNumber = "+15005550100";
        var hub = await Seed.Hub(grains);
        var hubGrain = grains.GetGrain<IHubGrain>(hub);
        Assert.True((await hubGrain.Configure((await hubGrain.GetSettings())! with { SmsNumber = hubNumber }, Seed.Sam)).IsOk);
        var dispatcher = await app.Factory.SignedIn(await app.Factory.User(new RoleGrant(Role.Dispatcher, hub)));
        dispatcher.DefaultRequestHeaders.Add(ClientHeaderFilter.Header, "tests");
        const string volunteerPhone = "+15005550199";
        var volunteer = Guid.NewGuid();
        Assert.True((await grains.GetGrain<IVolunteerGrain>(volunteer).Register(
            new VolunteerProfile("Vera", [hub], [RequestCategory.Food], ["Spanish"], false, 3, 10) { Contact = new ContactDetails("Vera", volunteerPhone, null, null) }, Seed.Sam)).IsOk);

        // The neighbour texts.
        const string neighbour = "+15005554321";
        var (_, received) = await app.Text(neighbour, hubNumber, "AYUDA necesito comida en Elm Street");
        var code = Regex.Match(received, "[2-9A-Z]{3}-[2-9A-Z]{4}").Value;
        Assert.StartsWith("Recibimos tu solicitud.", received, StringComparison.Ordinal);

        // It is on the board: Spanish, food, Elm Street.
        RequestSummary? onBoard = null;
        await Wait.Until(async () => (onBoard = (await hubGrain.GetSnapshot()).Requests.FirstOrDefault(r => r.ReferenceCode == code)) is not null, "the texted request on the board");
        Assert.Equal("Spanish", onBoard!.PreferredLanguage);
        Assert.Equal(RequestCategory.Food, onBoard.Category);
        Assert.Equal("Elm Street", onBoard.Area);
        Assert.Equal(RequestSource.Sms, onBoard.Source);

        // The dispatcher assigns it to the volunteer.
        var assign = await dispatcher.PostAsJsonAsync(new Uri($"/api/v1/requests/{onBoard.Id}/assign", UriKind.Relative),
            new CommandBody(onBoard.Version) { VolunteerId = volunteer });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);

        var (_, yes) = await app.Text(volunteerPhone, hubNumber, "SÍ");
        // Accepted, the job is theirs: the answer says how to reach the neighbour.
        Assert.StartsWith($"Gracias: el trabajo {code} es tuyo. Contacto: ", yes, StringComparison.Ordinal);
        Assert.Contains(neighbour, yes, StringComparison.Ordinal);
        Assert.Equal(AssignmentState.Accepted, (await grains.GetGrain<IRequestGrain>(onBoard.Id).GetView())!.Assignment!.State);

        var (_, done) = await app.Text(volunteerPhone, hubNumber, "listo");
        Assert.Equal($"El trabajo {code} está marcado como entregado. ¡Gracias!", done);
        Assert.Equal(RequestStatus.Fulfilled, (await grains.GetGrain<IRequestGrain>(onBoard.Id).GetView())!.Status);

        // The neighbour checks, in Spanish, with the code and the last four digits of their phone.
        using var browser = app.Factory.CreateClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var form = await browser.GetStringAsync(new Uri("/status", UriKind.Relative));
        var status = await browser.PostAsync(new Uri("/status", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = FormToken.In(form),
            ["code"] = code,
            ["digits"] = "4321",
        }));
        var page = WebUtility.HtmlDecode(await status.Content.ReadAsStringAsync());
        Assert.Contains("Tu solicitud ha sido entregada.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Vera", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Street", page, StringComparison.Ordinal);
    }
}
