namespace MutualAid.Web.Tests.People;

/// <summary>
/// A network started from nothing: the first administrator through /setup, a hub called "board"
/// (and another hub), and people who joined through invitation links. No demo accounts.
/// </summary>
public sealed class TeamWorld : IAsyncLifetime
{
    public const string Hub = "board";
    public const string OtherHub = "elsewhere";

    // Every test signs people in from the same address; the per-address sign-in limit is not under test here.
    public WebAppFactory Factory { get; } = new(new Dictionary<string, string> { ["MutualAid:SensitivePermits"] = "100000" });

    public string Admin { get; } = "admin@example.org";
    public string Coordinator { get; private set; } = "";
    public string OtherCoordinator { get; private set; } = "";

    public AccountService Accounts => Factory.Services.GetRequiredService<AccountService>();

    public async Task InitializeAsync()
    {
        using var browser = Browser();
        var setup = await browser.GetStringAsync(new Uri("/setup", UriKind.Relative));
        var created = await browser.PostAsync(new Uri("/setup", UriKind.Relative), Form(setup, new() { ["email"] = Admin, ["name"] = "Ada Admin", ["password"] = WebAppFactory.Password }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var grains = Factory.Grains;
        var admin = new Actor(Admin, "Ada Admin");
        Assert.True((await grains.GetGrain<IRegionGrain>("north").Configure("North", admin)).IsOk);
        Assert.True((await grains.GetGrain<IHubGrain>(Hub).Configure(new HubSettings("Board Street Pantry", "north"), admin)).IsOk);
        Assert.True((await grains.GetGrain<IHubGrain>(OtherHub).Configure(new HubSettings("Elsewhere Pantry", "north"), admin)).IsOk);
        Coordinator = await Join(new RoleGrant(Role.Coordinator, Hub), admin, "Cora");
        OtherCoordinator = await Join(new RoleGrant(Role.Coordinator, OtherHub), admin, "Otto");
    }

    public HttpClient Browser() => Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = FormToken.In(page);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>Makes a link as <paramref name="by"/> and accepts it in a fresh browser; returns the new account's email.</summary>
    public async Task<string> Join(RoleGrant grant, Actor by, string name)
    {
        var link = await Accounts.Invite(grant, null, TimeSpan.FromDays(1), by);
        Assert.True(link.IsOk, link.Message);
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}"[..16] + "@example.org";
        await Accept(link.Value!, email, name);
        return email;
    }

    public async Task Accept(string token, string email, string name)
    {
        using var browser = Browser();
        var path = new Uri($"/invite/{token}", UriKind.Relative);
        var page = await browser.GetStringAsync(path);
        var joined = await browser.PostAsync(path, Form(page, new() { ["email"] = email, ["name"] = name, ["password"] = WebAppFactory.Password }));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
    }

    /// <summary>The team actions as this account would run them from the team page.</summary>
    public Task<TeamService> TeamAs(string email) => As<TeamService>(email);

    /// <summary>A page's service as this account would reach it, signed in (a scope of its own, as a circuit has).</summary>
    public async Task<T> As<T>(string email)
        where T : notnull
    {
        var scope = Factory.Services.CreateScope();
        var account = await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount();
        scope.ServiceProvider.GetRequiredService<MutualAid.Web.Accounts.CurrentUser>().Set(AccountClaims.Principal(account!));
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async Task<Actor> ActorOf(string email) =>
        new(email, (await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!.DisplayName);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
