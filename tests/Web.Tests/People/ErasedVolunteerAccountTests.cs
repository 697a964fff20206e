namespace MutualAid.Web.Tests.People;

public sealed class ErasedVolunteerAccountTests(TeamWorld world) : IClassFixture<TeamWorld>
{
    private const string Hub = TeamWorld.Hub;
    private const string Name = "Quillon";

    private async Task<PeopleService> PeopleAs(string email)
    {
        var scope = world.Factory.Services.CreateScope();
        var account = await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(AccountClaims.Principal(account!));
        return scope.ServiceProvider.GetRequiredService<PeopleService>();
    }

    private static async Task<HttpStatusCode> Login(HttpClient client, string email)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        return (await client.PostAsync(new Uri("/account/login", UriKind.Relative), TeamWorld.Form(page, new() { ["email"] = email, ["password"] = WebAppFactory.Password }))).StatusCode;
    }

    [Fact]
    public async Task Erasing_a_volunteer_forgets_their_account_email_and_name_and_ends_their_sign_in()
    {
        var cora = await world.ActorOf(world.Coordinator);
        var email = await world.Join(new RoleGrant(Role.Volunteer, Hub), cora, Name);
        var volunteerId = (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.VolunteerId!.Value;
        using var session = await world.Factory.SignedIn(email);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);
        var team = await world.TeamAs(world.Coordinator);
        Assert.Contains((await team.Members(Hub)).Value!, m => m.Email == email);

        var erased = await (await PeopleAs(world.Coordinator)).EraseVolunteer(Hub, volunteerId);

        Assert.True(erased.IsOk, erased.Message);
        var members = (await team.Members(Hub)).Value!;
        Assert.DoesNotContain(members, m => m.Email.Contains(email, StringComparison.OrdinalIgnoreCase) || m.DisplayName.Contains("Quillon", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(world.Factory.Logs.Lines, l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains("Quillon", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync(new Uri($"/hubs/{Hub}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, await Login(world.Browser(), email));
        // Nor is the erased volunteer offered for a new account to bind to.
        Assert.DoesNotContain(await team.VolunteersWithoutAccount(Hub), v => v.Id == volunteerId);

        // The email is free again: the person may join afresh, as a new volunteer.
        var link = await world.Accounts.Invite(new RoleGrant(Role.Volunteer, Hub), null, TimeSpan.FromDays(1), cora);
        await world.Accept(link.Value!, email, "Quill Again");
        var again = Assert.Single((await team.Members(Hub)).Value!, m => m.Email == email);
        Assert.Equal("Quill Again", again.DisplayName);
        Assert.NotEqual(volunteerId, (await world.Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.VolunteerId);
    }
}
