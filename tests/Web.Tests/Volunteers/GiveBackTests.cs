namespace MutualAid.Web.Tests.Volunteers;

/// <summary>
/// A volunteer who claimed a job and cannot do it after all gives it back from their own page (the
/// only way back was letting the claim lapse): it returns to the hub's board and counts as given back.
/// </summary>
public sealed class GiveBackTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private WebAppFactory Factory => app.Factory;

    private async Task<(string Hub, Guid Volunteer, RequestView Claimed)> Claimed(string name)
    {
        var grains = Factory.Grains;
        var hub = await Seed.Hub(grains);
        var volunteer = await Seed.Volunteer(grains, hub, name);
        var request = await Seed.Request(grains, hub, "07700 900" + Random.Shared.Next(100, 999));
        var claimed = await grains.GetGrain<IRequestGrain>(request.Id).Claim(new ClaimCommand(request.Version, Seed.Sam, volunteer) { Hub = hub, AsVolunteer = volunteer });
        Assert.True(claimed.IsOk, claimed.Message);
        return (hub, volunteer, claimed.Value!);
    }

    [Fact]
    public async Task A_volunteer_gives_back_a_job_they_claimed_and_it_is_the_hubs_again()
    {
        var (hub, volunteer, claimed) = await Claimed("Gil");
        await using var own = ComponentContext.Create(Factory, volunteer, new RoleGrant(Role.Volunteer, hub));
        var page = own.Render<VolunteerPage>(p => p.Add(x => x.Id, volunteer));
        page.WaitForAssertion(() => page.Find("[data-testid=give-back]"), TimeSpan.FromSeconds(10));
        // Until when, with the day: a claim can hold past this time tomorrow (the hub is on UTC).
        var until = claimed.Assignment!.ClaimExpiresAt!.Value.UtcDateTime;
        Assert.Contains($"{until.ToString("ddd", System.Globalization.CultureInfo.CurrentCulture)} {until.ToString("t", System.Globalization.CultureInfo.CurrentCulture)} (UTC)", page.Find("[data-testid=claim-until]").TextContent, StringComparison.Ordinal);

        await page.Click("[data-testid=give-back]");

        var grain = Factory.Grains.GetGrain<IRequestGrain>(claimed.Id);
        await Wait.Until(async () => (await grain.GetView())!.Assignment is null, "the job to go back to the hub");
        var now = (await grain.GetView())!;
        Assert.Contains(now.Status, new[] { RequestStatus.New, RequestStatus.Triaged });
        Assert.Equal(AssignmentState.Declined, now.PastAssignments[^1].State);
        Assert.Equal("Given back by the volunteer", (await grain.GetAudit())[^1].Reason);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=give-back]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task My_jobs_offers_giving_back_a_claimed_job_beside_picked_up()
    {
        var (hub, volunteer, claimed) = await Claimed("Hal");
        var email = await Factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        using var client = await Factory.SignedIn(email);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/my/jobs", UriKind.Relative)));

        Assert.Contains(claimed.ReferenceCode, page, StringComparison.Ordinal);
        Assert.Contains($"/my/jobs/{claimed.Id}/give-back", page, StringComparison.Ordinal);
        Assert.Contains("Give back", page, StringComparison.Ordinal);

        using var given = await client.PostAsync(new Uri($"/my/jobs/{claimed.Id}/give-back", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = FormToken.In(page),
            ["version"] = claimed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hub"] = hub,
        }));

        Assert.Equal(HttpStatusCode.SeeOther, given.StatusCode);
        Assert.Equal("/my/jobs?done=Updated", given.Headers.Location!.ToString());
        Assert.Null((await Factory.Grains.GetGrain<IRequestGrain>(claimed.Id).GetView())!.Assignment);
    }
}
