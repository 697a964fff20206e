namespace MutualAid.Web.Tests;

public static class Seed
{
    public static readonly Actor Sam = new("sam", "Sam");

    public static async Task<string> Hub(IGrainFactory grains, string? region = "test-region")
    {
        var slug = $"hub-{Guid.NewGuid():N}"[..16];
        var result = await grains.GetGrain<IHubGrain>(slug).Configure(new HubSettings("Hub " + slug, region), Sam);
        Assert.True(result.IsOk, result.Message);
        return slug;
    }

    /// <summary>A hub in a zone where it is about noon now, so no message waits for its quiet hours whenever the test runs.</summary>
    public static async Task<string> DaytimeHub(IGrainFactory grains, string? region = "test-region")
    {
        var hub = await Hub(grains, region);
        var offset = ((12 - DateTime.UtcNow.Hour) % 24 + 24) % 24;
        if (offset > 14) offset -= 24;
        var zone = offset switch { 0 => "Etc/GMT", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        await InZone(grains, hub, zone);
        return hub;
    }

    /// <summary>Sets the hub's time zone, in which its people read every time.</summary>
    public static async Task InZone(IGrainFactory grains, string hub, string timeZoneId)
    {
        var grain = grains.GetGrain<IHubGrain>(hub);
        var result = await grain.Configure((await grain.GetSettings())! with { TimeZoneId = timeZoneId }, Sam);
        Assert.True(result.IsOk, result.Message);
    }

    public static async Task<RequestView> Request(IGrainFactory grains, string hub, string phone = "07700 900123", Urgency urgency = Urgency.Normal, string? email = "maria@example.org")
    {
        var result = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(new NewRequest(hub, RequestCategory.Food, urgency, "Elm Street",
            "Food parcel", new ContactDetails("Maria Lopez", phone, email, "12 Elm Street"), RequestSource.PhoneIntake, Sam)
        {
            Location = new GeoPoint(51.523456, -0.087654),
        });
        Assert.True(result.IsOk, result.Message);
        return result.Value!;
    }

    public static async Task<Guid> Volunteer(IGrainFactory grains, string hub, string name)
    {
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IVolunteerGrain>(id).Register(
            new VolunteerProfile(name, [hub], [RequestCategory.Food], ["English"], true, 3, 10), Sam);
        Assert.True(result.IsOk, result.Message);
        return id;
    }

    /// <summary>A new request of the hub that a new volunteer has been given and accepted: their claim is active.</summary>
    public static async Task<RequestView> Claimed(IGrainFactory grains, string hub, string phone, string volunteerName = "Victor Volunteer")
    {
        var request = await Request(grains, hub, phone: phone);
        var volunteer = await Volunteer(grains, hub, volunteerName);
        var grain = grains.GetGrain<IRequestGrain>(request.Id);
        var assigned = await grain.Assign(new AssignCommand(request.Version, Sam, volunteer) { Hub = hub });
        Assert.True(assigned.IsOk, assigned.Message);
        var accepted = await grain.Accept(new RequestCommand(assigned.Value!.Version, Sam) { Hub = hub });
        Assert.True(accepted.IsOk, accepted.Message);
        return accepted.Value!;
    }

    /// <summary>A request of the hub that a new volunteer claimed, picked up and delivered (an hour and a half given).</summary>
    public static async Task<RequestView> Delivered(IGrainFactory grains, string hub, string phone, string volunteerName = "Victor Volunteer")
    {
        var claimed = await Claimed(grains, hub, phone, volunteerName);
        var grain = grains.GetGrain<IRequestGrain>(claimed.Id);
        var started = await grain.Start(new RequestCommand(claimed.Version, Sam) { Hub = hub });
        Assert.True(started.IsOk, started.Message);
        var delivered = await grain.Fulfil(new FulfilCommand(started.Value!.Version, Sam, 1.5) { Hub = hub });
        Assert.True(delivered.IsOk, delivered.Message);
        return delivered.Value!;
    }

    /// <summary>
    /// A two-volunteer request in a fresh hub, with one new volunteer placed in its first place by
    /// <paramref name="place"/> (a claim, or a dispatcher's offer): still waiting for the second.
    /// </summary>
    public static async Task<(string Hub, Guid Volunteer, RequestView Request)> HalfHeldPair(
        IGrainFactory grains, string volunteerName, Func<IRequestGrain, RequestView, Guid, Task<Result<RequestView>>> place)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(place);
        var hub = await Hub(grains);
        var volunteer = await Volunteer(grains, hub, volunteerName);
        var grain = grains.GetGrain<IRequestGrain>(Guid.NewGuid());
        var created = await grain.Create(new NewRequest(hub, RequestCategory.Food, Urgency.Normal, "Elm Street", "Moving a wardrobe",
            new ContactDetails("Maria Lopez", "07700 900123", null, "12 Elm Street"), RequestSource.PhoneIntake, Sam)
        {
            NeedsTwo = true,
        });
        Assert.True(created.IsOk, created.Message);
        var placed = await place(grain, created.Value!, volunteer);
        Assert.True(placed.IsOk, placed.Message);
        Assert.True(RequestLifecycle.IsWaiting(placed.Value!.Status), $"{placed.Value.Status}: one of two still waits");
        return (hub, volunteer, placed.Value);
    }
}
