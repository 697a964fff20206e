using MutualAid.Silo.Hosting;
using MutualAid.Web.Board;
using MutualAid.Web.Components;
using MutualAid.Web.Hosting;
using MutualAid.Web.Seeding;
using MutualAid.Web.Users;
using Radzen;

try
{
    var builder = WebApplication.CreateBuilder(DemoSeeder.TranslateArguments(args));
    var options = builder.AddMutualAidOrleans();

    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddRadzenComponents();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<BoardFeed>();
    builder.Services.AddSingleton<RegionFeed>();
    builder.Services.AddSingleton<HubConnectionWatches>();
    builder.Services.AddHttpContextAccessor();
    builder.Services.AddScoped<CurrentUser>();
    if (options.SeedDemo) builder.Services.AddHostedService<DemoSeeder>();

    var app = builder.Build();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseHsts();
    }

    app.UseStaticFiles();
    app.UseAntiforgery();
    app.UseMiddleware<ViewerCookie>();
    app.MapStaticAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    app.MapHub<BoardHub>("/hubs/board");
    app.MapViewerName();
    app.MapHealth();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupException.Find(error) is { } ex)
{
    // A configuration or environment problem: say what to fix, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
