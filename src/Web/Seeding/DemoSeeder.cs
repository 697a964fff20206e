using MutualAid.Common;
using MutualAid.Hubs;
using MutualAid.Offers;
using MutualAid.Regions;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Web.Seeding;

/// <summary>
/// `--seed-demo`: a small living network so a newcomer sees a real board. Runs once: when the
/// demo region already exists (a restart), it does nothing.
/// </summary>
public sealed partial class DemoSeeder(IGrainFactory grains, ILogger<DemoSeeder> logger, IHostApplicationLifetime lifetime,
    Microsoft.Extensions.Options.IOptions<Silo.Hosting.MutualAidOptions> options, IHostEnvironment environment) : BackgroundService
{
    public const string Region = "city";
    public static readonly string[] Hubs = ["north", "riverside"];
    private static readonly Actor Seeder = Accounts.AppActors.Demo;

    /// <summary>Maps the friendly command-line flag onto configuration.</summary>
    public static string[] TranslateArguments(string[] args) =>
        [.. (args ?? []).Select(a => a == "--seed-demo" ? "--MutualAid:SeedDemo=true" : a)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait for the silo/client to be up: hosted services start in order, but be explicit.
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            await Seed();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            LogFailed(logger, ex);
        }
    }

    public async Task Seed()
    {
        if ((await grains.GetGrain<INetworkGrain>(0).GetRegions()).Any(r => r.Slug == Region))
        {
            LogSkipped(logger);
            return;
        }

        await grains.GetGrain<IRegionGrain>(Region).Configure("City Mutual Aid", Seeder);
        await Hub("north", "North Hub");
        await Hub("riverside", "Riverside Hub");

        var priya = await Volunteer("Priya Shah", "north", [RequestCategory.Medicine, RequestCategory.Groceries, RequestCategory.Transport], ["English", "Gujarati"], true, 3, 12, new(51.5563, -0.1137));
        var omar = await Volunteer("Omar Haddad", "north", [RequestCategory.Food, RequestCategory.Groceries], ["English", "Arabic"], false, 2, 8, new(51.5481, -0.0968));
        var lucia = await Volunteer("Lucía Fernández", "north", [RequestCategory.Eldercare, RequestCategory.EmotionalSupport, RequestCategory.Medicine], ["Spanish", "English"], true, 2, 10, new(51.5618, -0.1052));
        await Volunteer("Sam Okafor", "north", [RequestCategory.Transport, RequestCategory.Shelter], ["English"], true, 4, 20, new(51.5427, -0.1201));
        var mei = await Volunteer("Mei Chen", "riverside", [RequestCategory.Food, RequestCategory.Childcare], ["English", "Mandarin"], false, 2, 6, new(51.5052, -0.0874));
        await Volunteer("Tom Walsh", "riverside", [RequestCategory.Utilities, RequestCategory.Transport], ["English"], true, 3, 15, new(51.4986, -0.0781));

        await Offer("north", OfferKind.Goods, RequestCategory.Food, "Rice and lentils", 20, "kg");
        await Offer("north", OfferKind.SkillOrTime, RequestCategory.Transport, "Can drive Tue and Thu mornings", 2, "slots");
        await Offer("riverside", OfferKind.Space, RequestCategory.Shelter, "Spare room for one night", 1, "room");
        await Offer("riverside", OfferKind.Goods, RequestCategory.MedicalSupplies, "Blood pressure monitor to lend", 1, "item");

        var insulin = await Request("north", RequestCategory.Medicine, Urgency.Critical, "Elm Street estate", "Insulin prescription to collect from the pharmacy before 6pm", "Ana Ruiz", "07700 900101", "Spanish", new(51.5534, -0.1089));
        var groceries = await Request("north", RequestCategory.Groceries, Urgency.High, "Mill Lane", "Weekly shop for a family of four, can pay on delivery", "Kwame Mensah", "07700 900102", null, new(51.5596, -0.0921));
        var lonely = await Request("north", RequestCategory.EmotionalSupport, Urgency.Normal, "Church Road", "Would like a phone call or a visit, has been alone all week", "Edith Brown", "07700 900103", null, new(51.5472, -0.1043));
        await Request("north", RequestCategory.Transport, Urgency.Low, "Station Approach", "Lift to a hospital appointment next Tuesday at 10am", "George Patel", "07700 900104", null, new(51.5388, -0.1158));
        var nappies = await Request("riverside", RequestCategory.Childcare, Urgency.High, "Riverside flats", "Nappies (size 4) and baby formula", "Jade Wilson", "07700 900105", null, new(51.5027, -0.0912));
        await Request("riverside", RequestCategory.Utilities, Urgency.Critical, "Canal Street", "Heating broken, elderly couple, needs a heater tonight", "Mr and Mrs Novak", "07700 900106", null, new(51.4961, -0.0833));
        var food = await Request("riverside", RequestCategory.Food, Urgency.Normal, "Wharf Road", "Hot meals for three days after surgery", "Leon Carter", "07700 900107", null, new(51.5069, -0.0759));
        await Request("north", RequestCategory.Shelter, Urgency.High, "Bus station", "Somewhere to sleep tonight for one adult", "(asked at the bus station)", "07700 900108", null, new(51.5509, -0.1112));

        await Step(insulin, (g, v) => g.Triage(new TriageCommand(v, Seeder, Reason: "Confirmed by phone")));
        await Step(groceries, (g, v) => g.Assign(new AssignCommand(v, Seeder, omar, 1.5)));
        await Step(lonely, (g, v) => g.Assign(new AssignCommand(v, Seeder, lucia, 1)));
        await Step(lonely, (g, v) => g.Start(new RequestCommand(v, Seeder)));
        // Childcare needs safeguarding training by default: Mei's was seen before she took this on.
        var trained = await grains.GetGrain<MutualAid.Safety.ISafetyGrain>("riverside")
            .RecordCheck(mei, MutualAid.Safety.VettingPolicy.SafeguardingTraining, DateTimeOffset.UtcNow.AddDays(-30), null, Seeder);
        if (!trained.IsOk) throw new InvalidOperationException($"Demo check: {trained.Message}");
        await Step(nappies, (g, v) => g.Assign(new AssignCommand(v, Seeder, mei, 1)));
        await Step(food, (g, v) => g.Triage(new TriageCommand(v, Seeder)));
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataFolder));
        var file = await DemoAccounts.Create(grains, folder, priya);
        LogSeeded(logger, Region, file);
    }

    private async Task Hub(string slug, string name)
    {
        var result = await grains.GetGrain<IHubGrain>(slug).Configure(new HubSettings(name, Region), Seeder);
        if (!result.IsOk) throw new InvalidOperationException($"Demo hub {slug}: {result.Message}");
    }

    private async Task<Guid> Volunteer(string name, string hub, RequestCategory[] helps, string[] languages, bool vehicle, int max, double hours, GeoPoint at)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IVolunteerGrain>(id).Register(
            new VolunteerProfile(name, [hub], helps, languages, vehicle, max, hours)
            {
                // No stated hours: demo volunteers take calls at any hour, so the demo (and every test
                // that drives it) behaves the same by day and by night.
                Availability = [],
                Location = at,
            }, Seeder);
        if (!result.IsOk) throw new InvalidOperationException($"Demo volunteer {name}: {result.Message}");
        return id;
    }

    private async Task Offer(string hub, OfferKind kind, RequestCategory category, string description, decimal quantity, string unit)
    {
        var result = await grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(
            new NewOffer(hub, kind, category, description, quantity, unit, new ContactDetails("Demo neighbour", "07700 900200", null, null), RequestSource.Member, Seeder));
        if (!result.IsOk) throw new InvalidOperationException($"Demo offer: {result.Message}");
    }

    private async Task<Guid> Request(string hub, RequestCategory category, Urgency urgency, string area, string need, string name, string phone, string? language, GeoPoint at)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IRequestGrain>(id).Create(
            new NewRequest(hub, category, urgency, area, need, new ContactDetails(name, phone, null, $"{area} (demo address)"), RequestSource.PhoneIntake, Seeder)
            {
                PreferredLanguage = language,
                Location = at,
            });
        if (!result.IsOk) throw new InvalidOperationException($"Demo request: {result.Message}");
        return id;
    }

    private async Task Step(Guid id, Func<IRequestGrain, int, Task<Result<RequestView>>> step)
    {
        var grain = grains.GetGrain<IRequestGrain>(id);
        var view = await grain.GetView();
        var result = await step(grain, view!.Version);
        if (!result.IsOk) throw new InvalidOperationException($"Demo step: {result.Message}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data created in region {Region}; demo sign-ins are in {File}")]
    private static partial void LogSeeded(ILogger logger, string region, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; not seeding again")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Creating the demo data failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
