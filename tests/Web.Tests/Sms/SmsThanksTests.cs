using MutualAid.Web.Tests.Notifications;

namespace MutualAid.Web.Tests.Sms;

/// <summary>THANKS / GRACIAS by text from the phone a delivered request was made with.</summary>
public sealed class SmsThanksTests(ChannelsFixture app) : IClassFixture<ChannelsFixture>
{
    private IGrainFactory Grains => app.Factory.Grains;

    private static string Phone() => "+1555" + Random.Shared.Next(1000000, 9999999).ToString(CultureInfo.InvariantCulture);

    private async Task<(string Hub, string Number)> HubWithNumber()
    {
        var hub = await Seed.Hub(Grains);
        var number = Phone();
        var grain = Grains.GetGrain<IHubGrain>(hub);
        var set = await grain.Configure((await grain.GetSettings())! with { SmsNumber = number }, Seed.Sam);
        Assert.True(set.IsOk, set.Message);
        return (hub, number);
    }

    [Fact]
    public async Task THANKS_from_the_requesters_phone_lands_on_the_volunteer_who_delivered_and_names_nobody()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();
        var request = await Seed.Delivered(Grains, hub, from, "Vera Volunteer");
        var sid = "SM" + Guid.NewGuid().ToString("N");

        var (status, reply) = await app.Text(from, number, "Thanks! You made my mum's day", messageSid: sid);
        await app.Text(from, number, "Thanks! You made my mum's day", messageSid: sid); // Twilio retried: one note

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("We passed your note on", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Vera", reply, StringComparison.Ordinal);
        var thanks = (await Grains.GetGrain<IVolunteerGrain>(request.Assignment!.VolunteerId).GetView())!.Thanks;
        var note = Assert.Single(thanks);
        Assert.Equal("You made my mum's day", note.Text);
        Assert.Equal(MutualAid.Thanks.ThanksFrom.Requester, note.From);
        Assert.Null(note.FromName);
    }

    [Fact]
    public async Task GRACIAS_from_a_phone_with_nothing_delivered_thanks_nobody_and_says_so_in_Spanish()
    {
        var (hub, number) = await HubWithNumber();
        var from = Phone();
        var open = await Seed.Claimed(Grains, hub, from);

        var (_, reply) = await app.Text(from, number, "GRACIAS por todo");

        Assert.Contains("No encontramos ninguna solicitud entregada", reply, StringComparison.Ordinal);
        Assert.Empty((await Grains.GetGrain<IVolunteerGrain>(open.Assignment!.VolunteerId).GetView())!.Thanks);
    }
}
