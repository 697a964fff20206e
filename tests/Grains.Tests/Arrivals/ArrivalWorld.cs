namespace MutualAid.Grains.Tests.Arrivals;

/// <summary>A hub with one volunteer assigned to a visit, and two boards watching the hub.</summary>
internal sealed class ArrivalWorld(IGrainFactory grains)
{
    public Domain Domain { get; } = new(grains);

    public static readonly ArrivalPolicy QuickTimers = ArrivalPolicy.Default with
    {
        ExpectedVisit = TimeSpan.FromSeconds(1),
        Margin = TimeSpan.FromSeconds(1),
        EscalateAfter = TimeSpan.FromSeconds(1),
    };

    public async Task<string> NewHub(string? region = null, ArrivalPolicy? arrivals = null, string? slug = null)
    {
        slug ??= Domain.NewSlug();
        var configured = await Domain.Hub(slug).Configure(new HubSettings("Hub " + slug, region) { Arrivals = arrivals }, Domain.Sam);
        Assert.True(configured.IsOk, configured.Message);
        return slug;
    }

    /// <summary>A request the dispatcher marked as a visit, assigned to a new volunteer who accepted it.</summary>
    public async Task<(VolunteerView Volunteer, RequestView Request, IRequestGrain Grain)> AssignedVisit(string hub, Guid? requestId = null)
    {
        var (volunteer, offered, grain) = await OfferedVisit(hub, requestId);
        var accepted = await grain.Accept(AsVolunteer(volunteer, offered.Version));
        Assert.True(accepted.IsOk, accepted.Message);
        return (volunteer, accepted.Value!, grain);
    }

    /// <summary>A request the dispatcher marked as a visit, offered to a new volunteer who has not answered yet.</summary>
    public async Task<(VolunteerView Volunteer, RequestView Request, IRequestGrain Grain)> OfferedVisit(string hub, Guid? requestId = null)
    {
        var volunteer = await Domain.NewVolunteer(hub, "Priya");
        var grain = Domain.RequestGrain(requestId ?? Guid.NewGuid());
        var created = await grain.Create(Domain.Request(hub, phone: Domain.UniquePhone()) with { MarkedVisit = true });
        Assert.True(created.IsOk, created.Message);
        Assert.True(created.Value!.IsVisit);
        var assigned = await grain.Assign(new AssignCommand(created.Value.Version, Domain.Sam, volunteer.Id));
        Assert.True(assigned.IsOk, assigned.Message);
        return (volunteer, assigned.Value!, grain);
    }

    public static RequestCommand AsVolunteer(VolunteerView volunteer, int version = 0) =>
        new(version, new Actor("user-" + volunteer.Id.ToString("N"), volunteer.Profile.Name)) { AsVolunteer = volunteer.Id };

    public async Task<(TestBoardObserver First, TestBoardObserver Second)> TwoBoards(string hub)
    {
        var first = new TestBoardObserver();
        var second = new TestBoardObserver();
        first.Start((await Domain.Hub(hub).Subscribe(Domain.Grains.CreateObjectReference<IBoardObserver>(first))).Version);
        second.Start((await Domain.Hub(hub).Subscribe(Domain.Grains.CreateObjectReference<IBoardObserver>(second))).Version);
        return (first, second);
    }

    /// <summary>The latest summary of a request a board was sent (null when none was).</summary>
    public static RequestSummary? Latest(TestBoardObserver board, Guid requestId) =>
        board.Deltas.SelectMany(d => d.Changes).OfType<RequestUpserted>().Select(u => u.Request).LastOrDefault(r => r.Id == requestId);

    public static Task UntilBoardShows(TestBoardObserver board, Guid requestId, Func<RequestSummary, bool> condition) =>
        Wait.Until(() => Latest(board, requestId) is { } latest && condition(latest), "the board to show the request as expected");
}
