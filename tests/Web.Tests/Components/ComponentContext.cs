using Radzen;

namespace MutualAid.Web.Tests.Components;

/// <summary>bUnit with the app's real grain client and board feed (a real in-process silo), not mocks.</summary>
public static class ComponentContext
{
    public static BunitContext Create(WebAppFactory factory, params MutualAid.Accounts.RoleGrant[] roles) => Create(factory, (Guid?)null, roles);

    /// <summary>As <see cref="Create(WebAppFactory, MutualAid.Accounts.RoleGrant[])"/>, signed in as the account linked to this volunteer.</summary>
    public static BunitContext Create(WebAppFactory factory, Guid? volunteerId, params MutualAid.Accounts.RoleGrant[] roles) => Create(factory, volunteerId, TimeProvider.System, roles);

    /// <summary>As <see cref="Create(WebAppFactory, MutualAid.Accounts.RoleGrant[])"/>, with the pages reading <paramref name="clock"/> (the grains keep the real one).</summary>
    public static BunitContext Create(WebAppFactory factory, TimeProvider clock, params MutualAid.Accounts.RoleGrant[] roles) => Create(factory, null, clock, roles);

    private static BunitContext Create(WebAppFactory factory, Guid? volunteerId, TimeProvider clock, MutualAid.Accounts.RoleGrant[] roles)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // Charts measure themselves in the browser; give them a size so they render here too.
        context.JSInterop.Setup<Radzen.Blazor.Rendering.Rect>("Radzen.createChart", _ => true)
            .SetResult(new Radzen.Blazor.Rendering.Rect { Width = 400, Height = 300 });
        context.Services.AddSingleton(factory.Grains);
        context.Services.AddSingleton(factory.Services.GetRequiredService<BoardFeed>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<RegionFeed>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<IOptions<MapOptions>>());
        context.Services.AddSingleton(clock);
        context.Services.AddSingleton(factory.Services.GetRequiredService<MutualAid.Web.Accounts.Access>());
        context.Services.AddSingleton(factory.Services.GetRequiredService<MutualAid.Web.Accounts.AccountService>());
        context.Services.AddMutualAidPageServices();
        context.Services.AddRadzenComponents();
        context.Services.AddSingleton(factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MutualAid.Web.Localization.UiText>>());
        var account = new MutualAid.Accounts.UserAccount("cora@example.org", "Cora", "-", roles, 0, null, DateTimeOffset.UnixEpoch) { VolunteerId = volunteerId };
        context.Services.GetRequiredService<CurrentUser>().Set(MutualAid.Web.Accounts.AccountClaims.Principal(account));
        return context;
    }
}
