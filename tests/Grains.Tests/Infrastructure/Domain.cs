namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>Builders for a small world of hubs, volunteers and requests, each test on its own fresh hub.</summary>
public sealed class Domain(IGrainFactory grains)
{
    public static readonly Actor Sam = new("sam", "Sam");
    public static readonly Actor Ana = new("ana", "Ana");

    public IGrainFactory Grains { get; } = grains;

    public static string NewSlug(string prefix = "hub") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public async Task<string> NewHub(string? region = null, string? slug = null)
    {
        slug ??= NewSlug();
        var result = await Grains.GetGrain<IHubGrain>(slug).Configure(new HubSettings("Hub " + slug, region), Sam);
        Assert.True(result.IsOk, result.Message);
        return slug;
    }

    /// <summary>A fresh region, named for the people who read its overview.</summary>
    public async Task<string> NewRegion(string name = "East City")
    {
        var region = NewSlug("region");
        var result = await Grains.GetGrain<IRegionGrain>(region).Configure(name, Sam);
        Assert.True(result.IsOk, result.Message);
        return region;
    }

    /// <summary>Where region tests start: a fresh region with two fresh hubs in it.</summary>
    public async Task<(string Region, string North, string South)> NewRegionWithTwoHubs(string name = "East City")
    {
        var region = await NewRegion(name);
        return (region, await NewHub(region), await NewHub(region));
    }

    public static NewRequest Request(string hub, string phone = "07700 900123", string area = "Elm Street",
        RequestCategory category = RequestCategory.Food, Urgency urgency = Urgency.Normal) =>
        new(hub, category, urgency, area, "Two bags of groceries for a family of four",
            new ContactDetails("Maria Lopez", phone, "maria@example.org", "12 Elm Street, Flat 3"),
            RequestSource.PhoneIntake, Sam)
        {
            Location = new Common.GeoPoint(51.523456, -0.087654),
            AccessibilityNotes = "Wheelchair user; ring twice",
            PreferredLanguage = "Spanish",
        };

    /// <summary>A request's board row as its notice carries it, for tests that hand the hub notices or boards deltas directly.</summary>
    public static RequestSummary Summary(string hub, Guid id, int version = 1, RequestStatus status = RequestStatus.New)
    {
        var at = DateTimeOffset.UtcNow;
        return new RequestSummary(id, version, hub, status, RequestCategory.Food, Urgency.Normal, "Elm Street", "Food", RequestSource.PhoneIntake, at, at, "Sam");
    }

    public async Task<RequestView> NewRequest(string hub, string? phone = null, string? area = null,
        RequestCategory category = RequestCategory.Food, Urgency urgency = Urgency.Normal)
    {
        var request = Request(hub, phone ?? UniquePhone(), area ?? $"Area {Guid.NewGuid():N}"[..12], category, urgency);
        var result = await Grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(request);
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    public static VolunteerProfile Volunteer(string hub, string name = "Priya", int maxAssignments = 3, double maxHours = 10,
        bool vehicle = true, params RequestCategory[] helpsWith) =>
        new(name, [hub], helpsWith.Length == 0 ? [RequestCategory.Food, RequestCategory.Groceries] : helpsWith,
            ["English", "Spanish"], vehicle, maxAssignments, maxHours);

    /// <summary>Takes a request through assignment to <paramref name="volunteer"/>, start and fulfilment with <paramref name="hours"/> given.</summary>
    public async Task Deliver(RequestView request, Guid volunteer, double hours = 1)
    {
        var grain = RequestGrain(request.Id);
        var v = (await grain.Assign(new AssignCommand(request.Version, Sam, volunteer))).Value!;
        v = (await grain.Start(new RequestCommand(v.Version, Sam))).Value!;
        Assert.True((await grain.Fulfil(new FulfilCommand(v.Version, Sam, hours))).IsOk);
    }

    public async Task<VolunteerView> NewVolunteer(string hub, string name = "Priya", int maxAssignments = 3, double maxHours = 10)
    {
        var result = await Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid())
            .Register(Volunteer(hub, name, maxAssignments, maxHours), Sam);
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    public async Task<OfferView> NewOffer(string hub, decimal quantity = 20, RequestCategory category = RequestCategory.Food)
    {
        var offer = new NewOffer(hub, OfferKind.Goods, category, "Rice", quantity, "kg",
            new ContactDetails("Tom Baker", "07700 900999", null, "3 Mill Lane"), RequestSource.Member, Sam);
        var result = await Grains.GetGrain<IOfferGrain>(Guid.NewGuid()).Create(offer);
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    /// <summary>Where most request tests start: a fresh hub with one new request on it.</summary>
    public async Task<(string Hub, RequestView Request, IRequestGrain Grain)> HubWithRequest(Urgency urgency = Urgency.Normal)
    {
        var hub = await NewHub();
        var request = await NewRequest(hub, urgency: urgency);
        return (hub, request, RequestGrain(request.Id));
    }

    /// <summary>A fresh hub with a volunteer and one new request on it.</summary>
    public async Task<(string Hub, VolunteerView Volunteer, RequestView Request, IRequestGrain Grain)> HubWithRequest(string volunteer, Urgency urgency = Urgency.Normal)
    {
        var hub = await NewHub();
        var one = await NewVolunteer(hub, volunteer);
        var request = await NewRequest(hub, urgency: urgency);
        return (hub, one, request, RequestGrain(request.Id));
    }

    /// <summary>A fresh hub with two volunteers and one new request on it, for handing a request from one to the other.</summary>
    public async Task<(string Hub, VolunteerView First, VolunteerView Second, RequestView Request, IRequestGrain Grain)> HubWithRequest(
        string first, string second, Urgency urgency = Urgency.Normal)
    {
        var hub = await NewHub();
        var (one, other) = (await NewVolunteer(hub, first), await NewVolunteer(hub, second));
        var request = await NewRequest(hub, urgency: urgency);
        return (hub, one, other, request, RequestGrain(request.Id));
    }

    public IRequestGrain RequestGrain(Guid id) => Grains.GetGrain<IRequestGrain>(id);

    /// <summary>A two-volunteer request on <paramref name="hub"/> with Priya in its first place, Tom still to come, and the request as Priya's assignment left it.</summary>
    public async Task<(IRequestGrain Grain, VolunteerView Priya, VolunteerView Tom, RequestView WithPriya)> PairWithPriya(string hub)
    {
        var grain = RequestGrain(Guid.NewGuid());
        var created = (await grain.Create(Request(hub, phone: UniquePhone()) with { NeedsTwo = true })).Value!;
        var (priya, tom) = (await NewVolunteer(hub, "Priya"), await NewVolunteer(hub, "Tom"));
        var one = (await grain.Assign(new AssignCommand(created.Version, Sam, priya.Id))).Value!;
        return (grain, priya, tom, one);
    }

    /// <summary>Where most tests of one request start: a hub of its own, a request on it, and the request's grain.</summary>
    public async Task<(string Hub, RequestView Request, IRequestGrain Grain)> NewHubWithRequest()
    {
        var hub = await NewHub();
        var request = await NewRequest(hub);
        return (hub, request, RequestGrain(request.Id));
    }

    public IHubGrain Hub(string slug) => Grains.GetGrain<IHubGrain>(slug);

    public static string UniquePhone() => "07" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    /// <summary>Hub projections are fed by one-way notices: wait until the board satisfies a condition.</summary>
    public async Task<BoardSnapshot> WaitForBoard(string hub, Func<BoardSnapshot, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var snapshot = await Hub(hub).GetSnapshot();
            if (condition(snapshot)) return snapshot;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Board {hub} at v{snapshot.Version} never met the condition.");
            await Task.Delay(20);
        }
    }

    public async Task<RegionOverview> WaitForRegion(string region, Func<RegionOverview, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var overview = (await Grains.GetGrain<IRegionGrain>(region).GetOverview())!;
            if (condition(overview)) return overview;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Region summary never caught up.");
            await Task.Delay(50);
        }
    }
}
