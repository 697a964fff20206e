namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// Two regions: hubs A and B in region R, hub C in region S; one account per role, plus a
/// coordinator of the other region's hub (a "role of another hub").
/// </summary>
public class TrustWorld : IAsyncLifetime
{
    public TrustWorld()
        : this(null)
    {
    }

    /// <summary>The same world with app settings of its own (say, log levels), and services of its own (say, a test's middleware).</summary>
    protected TrustWorld(IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services = null) => Factory = new(settings, services);

    public WebAppFactory Factory { get; }

    public string R { get; } = "r-" + Guid.NewGuid().ToString("N")[..8];
    public string S { get; } = "s-" + Guid.NewGuid().ToString("N")[..8];
    public string A { get; private set; } = "";
    public string B { get; private set; } = "";
    public string C { get; private set; } = "";
    public Guid VolunteerOfA { get; private set; }

    /// <summary>Role name → email; "anonymous" has none.</summary>
    public Dictionary<string, string?> Users { get; } = [];

    public async Task InitializeAsync()
    {
        var grains = Factory.Grains;
        var actor = new Actor("setup", "Setup");
        await grains.GetGrain<IRegionGrain>(R).Configure("Region R", actor);
        await grains.GetGrain<IRegionGrain>(S).Configure("Region S", actor);
        A = await Seed.Hub(grains, R);
        B = await Seed.Hub(grains, R);
        C = await Seed.Hub(grains, S);
        VolunteerOfA = await Seed.Volunteer(grains, A, "Vee");
        Users["anonymous"] = null;
        Users["admin"] = await Factory.User(new RoleGrant(Role.NetworkAdmin, null));
        Users["regional"] = await Factory.User(new RoleGrant(Role.RegionalCoordinator, R));
        Users["coordinator"] = await Factory.User(new RoleGrant(Role.Coordinator, A));
        Users["dispatcher"] = await Factory.User(new RoleGrant(Role.Dispatcher, A));
        Users["volunteer"] = await Factory.User(new RoleGrant(Role.Volunteer, A));
        Users["other-coordinator"] = await Factory.User(new RoleGrant(Role.Coordinator, C));
        Users["safeguarding"] = await Factory.User(new RoleGrant(Role.Safeguarding, A));
        _ = await grains.GetGrain<IHubGrain>(A).GetSummary();
    }

    public async Task<HttpClient> Client(string role) =>
        Users[role] is { } email
            ? await Factory.SignedIn(email)
            : Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A page service as one of the roles would call it (optionally as a given volunteer).</summary>
    public async Task<TService> As<TService>(string role, Guid? volunteerId = null) where TService : notnull
    {
        var scope = Factory.Services.CreateScope();
        var user = scope.ServiceProvider.GetRequiredService<MutualAid.Web.Accounts.CurrentUser>();
        if (Users[role] is { } email)
        {
            var account = (await Factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).GetAccount())!;
            user.Set(MutualAid.Web.Accounts.AccountClaims.Principal(account with { VolunteerId = volunteerId ?? account.VolunteerId }));
        }

        return scope.ServiceProvider.GetRequiredService<TService>();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
