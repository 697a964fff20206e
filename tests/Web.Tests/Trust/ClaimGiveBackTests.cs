namespace MutualAid.Web.Tests.Trust;

/// <summary>No harvesting of addresses through claims, through the same server path the pages use.</summary>
public sealed class ClaimGiveBackTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static string Phone() => "07700 7" + Random.Shared.Next(10000, 99999);

    [Fact]
    public async Task A_volunteer_who_gave_back_too_many_claims_is_refused_with_the_reason_and_only_a_coordinator_of_their_hub_clears_it()
    {
        var grains = world.Factory.Grains;
        var volunteer = await Seed.Volunteer(grains, world.A, "Gus");
        var actions = await world.As<VolunteerJobService>("volunteer", volunteer);
        var reader = await world.As<RequestReader>("volunteer", volunteer);

        var first = default(RequestView);
        for (var i = 0; i < 4; i++)
        {
            var request = await Seed.Request(grains, world.A, phone: Phone());
            var claimed = await actions.Claim(world.A, request.Id, volunteer, request.Version);
            Assert.True(claimed.IsOk, claimed.Message);
            Assert.NotNull(await reader.PrivateView(request.Id));
            Assert.NotNull(await reader.PrivateView(request.Id)); // the page reloads
            var declined = await actions.Decline(world.A, request.Id, claimed.Value!.Version, null);
            Assert.True(declined.IsOk, declined.Message);
            first ??= request;
        }

        // Each claim's sight of the address is one line of its request's audit, however often the page loaded.
        var reveal = Assert.Single(await grains.GetGrain<IRequestGrain>(first!.Id).GetAudit(), e => e.Said?.Key == "DidSeeContact");
        Assert.Equal("saw the contact details", reveal.Action);

        var next = await Seed.Request(grains, world.A, phone: Phone());
        var refused = await actions.Claim(world.A, next.Id, volunteer, next.Version);
        Assert.Equal(ResultStatus.Refused, refused.Status);
        Assert.Equal("You gave back 4 claims within an hour; a coordinator of your hub must clear this before you claim again.", refused.Message);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es-ES");
            var words = world.Factory.Services.GetRequiredService<IStringLocalizer<UiText>>();
            Assert.StartsWith("Devolviste 4 reservas en una hora", words.Say(await actions.Claim(world.A, next.Id, volunteer, next.Version)), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        // The hold's words (their name, how many they gave back) are on the board for the hub's staff alone.
        async Task<Common.Phrase?> BoardSays(string role) => (await (await world.As<BoardService>(role, volunteer)).Snapshot(world.A))?.Volunteers.Single(v => v.Id == volunteer).ClaimsHeld;
        await Wait.Until(async () => await BoardSays("coordinator") is not null, "the board to show the hold");
        Assert.NotNull(await BoardSays("dispatcher"));
        foreach (var role in new[] { "volunteer", "regional", "admin" }) Assert.Null(await BoardSays(role));

        foreach (var role in new[] { "volunteer", "dispatcher", "regional", "other-coordinator", "admin", "anonymous" })
        {
            var denied = await (await world.As<VolunteerService>(role)).ClearClaimsHold(volunteer);
            Assert.Equal(ResultStatus.Refused, denied.Status);
            Assert.NotNull((await grains.GetGrain<IVolunteerGrain>(volunteer).GetView())!.ClaimsHeld);
        }

        Assert.Equal(ResultStatus.Refused, (await actions.Claim(world.A, next.Id, volunteer, next.Version)).Status);
        var cleared = await (await world.As<VolunteerService>("coordinator")).ClearClaimsHold(volunteer);
        Assert.True(cleared.IsOk, cleared.Message);
        Assert.True((await actions.Claim(world.A, next.Id, volunteer, next.Version)).IsOk);
        Assert.Equal("DidClearClaimsHold", (await grains.GetGrain<IVolunteerGrain>(volunteer).GetAudit())[^1].Said?.Key);
    }
}
