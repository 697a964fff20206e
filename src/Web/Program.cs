using MutualAid.Silo.Hosting;
using MutualAid.Web.Accounts;
using MutualAid.Web.Api;
using MutualAid.Web.Board;
using MutualAid.Web.Layout;
using MutualAid.Web.Import;
using MutualAid.Web.Hosting;
using MutualAid.Web.Intake;
using MutualAid.Web.Localization;
using MutualAid.Web.Notifications;
using MutualAid.Web.Notifications.Channels;
using MutualAid.Web.Diagnostics;
using MutualAid.Web.Fund;
using MutualAid.Web.Handover;
using MutualAid.Web.People;
using MutualAid.Web.Plain;
using MutualAid.Web.Region;
using MutualAid.Web.Seeding;
using MutualAid.Web.Sms;
using MutualAid.Web.Status;
using MutualAid.Web.Transparency;
using MutualAid.Web.Survey;
using MutualAid.Web.Volunteers;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Radzen;

try
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = DemoSeeder.TranslateArguments(args),
        ContentRootPath = AppFolder.ContentRoot(args),
    });
    // Run from a build (not a publish), the framework's and packages' assets live outside wwwroot and are
    // found through the build's static web assets manifest, which ASP.NET Core reads only in Development
    // unless asked. A publish has no such manifest, so this changes nothing there.
    builder.WebHost.UseStaticWebAssets();
    // Run from a build outside Development, serve the build's precompressed, long-cached files as a publish
    // does: ASP.NET Core would otherwise re-read them from disk on each request, uncompressed and uncached,
    // which only helps someone editing a stylesheet.
    if (!builder.Environment.IsDevelopment()) builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
    var options = builder.AddMutualAidOrleans();
    // Nothing here needs more; CSV import (later) sets its own larger limit on its endpoint.
    builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);

    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddRadzenComponents();
    builder.Services.AddMutualAidLocalization();
    builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(MapOptions.Read(builder.Configuration)));
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddSingleton<BoardFeed>();
    builder.Services.AddSingleton<StoreProbe>();
    builder.Services.AddSingleton<RegionFeed>();
    builder.Services.AddSingleton<HubConnectionWatches>();
    builder.Services.AddSingleton<LiveConnections>();
    builder.Services.AddHostedService<LiveConnectionSweep>();
    builder.Services.AddMutualAidPageServices();
    builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, PresenceCircuitHandler>();
    builder.Services.AddMutualAidAccounts();
    builder.Services.AddMutualAidNotifications(builder.Configuration);
    builder.Services.AddMutualAidProxy(builder.Configuration);
    builder.Services.AddMutualAidRateLimits(builder.Configuration);
    builder.Services.AddMutualAidTransparency(builder.Configuration);
    builder.Services.AddMutualAidChannels(builder.Configuration);
    builder.Services.AddMutualAidSms();
    builder.Services.AddMutualAidApi();
    builder.Services.AddMutualAidTelemetry(builder.Configuration, "mutualaid-web",
        m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)
            .AddMeter("Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components.Server.Circuits", "Microsoft.AspNetCore.SignalR"),
        t => t.AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = TraceRedaction.RouteNotPath));
    // A bad form (a forged or expired antiforgery token, a body that does not bind) is a plain 400 in
    // every environment; Development would otherwise throw it to the developer exception page.
    builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
    if (options.SeedDemo) builder.Services.AddHostedService<DemoSeeder>();

    var app = builder.Build();
    if (AdminCommand.Matches(args)) return await AdminCommand.Run(app, args);

    // First, so the client address (rate limits) and the scheme (Secure cookies, HSTS) are what a known proxy saw.
    app.UseForwardedHeaders();
    // Users never see a stack trace, in any environment: errors are logged and a plain page is shown.
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    if (!app.Environment.IsDevelopment()) app.UseHsts();
    app.UseMiddleware<SecurityHeaders>();
    app.UseMetricsEndpoint();
    app.UseApiProblems();
    app.UseRequestLocalization();
    app.UseNotFoundPage();
    app.UseRateLimiter();
    // After localization (the cache keys on the language) and the rate limiter (a cached page still counts).
    app.UseOutputCache();
    app.UseAuthentication();
    app.UseAuthorization();
    // After authorization: an API token's principal is settled there, by the endpoint's policy.
    app.UseCurrentUser();
    app.UseUnreadableFormPage();
    app.UseAntiforgery();
    app.UseExpiredFormPage();
    // Every file in wwwroot and the packages' _content is served from here, precompressed, and cached for
    // a year when linked through @Assets[...] or PackageAssets; UseStaticFiles would serve them raw first.
    app.MapStaticAssets().CacheVersionedPackageAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(CircuitTransport.Configure).AnswerHead();
    // Not under /hubs/, where every path segment may be a hub's slug (a hub may be called "board").
    app.MapHub<BoardHub>(BoardHub.Path).RefuseForeignOrigins(app.Configuration);
    app.MapAccounts();
    app.MapPasswordReset();
    app.MapLanguages();
    app.MapPublicIntake();
    app.MapSmsInbound();
    app.MapStatus();
    app.MapTransparency();
    app.MapSurvey();
    if (options.Dashboard) app.MapDashboard();
    app.MapPeopleExport();
    app.MapCsvExports();
    app.MapFundExport();
    app.MapHandover();
    app.MapMyJobs();
    app.MapMutualAidApi();
    app.MapHealth();
    app.MapBenchmarkBaseline();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupException.Find(error) is { } ex)
{
    // A configuration or environment problem: say what to fix, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException bad)
{
    // A half-configured provider (validated on start): say which settings, without a stack trace.
    await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, bad.Failures));
    return 2;
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
