namespace MutualAid.Grains.Tests.Requests;

/// <summary>
/// Every request command computes its whole next state (view, audit, deadline and claim marks) and
/// writes it once: one write is one chance to fail half way, and one round trip to the store.
/// </summary>
[Collection(CountingStorageCollection.Name)]
public sealed class WritesPerCommandTests(CountingStorageClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task The_dispatch_path_writes_the_request_once_per_command()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Priya");
        var grain = domain.RequestGrain(Guid.NewGuid());

        var created = await WritesOf(grain, () => grain.Create(Domain.Request(hub, Domain.UniquePhone())));
        var triaged = await WritesOf(grain, () => grain.Triage(new TriageCommand(1, Domain.Sam, Urgency.High)));
        var assigned = await WritesOf(grain, () => grain.Assign(new AssignCommand(2, Domain.Sam, volunteer.Id)));
        var accepted = await WritesOf(grain, () => grain.Accept(new RequestCommand(3, Domain.Sam)));
        var revealed = await WritesOf(grain, async () =>
        {
            await grain.RecordReveal(Domain.Sam);
            return (await grain.GetView())!;
        });
        var started = await WritesOf(grain, () => grain.Start(new RequestCommand(4, Domain.Sam)));
        var fulfilled = await WritesOf(grain, () => grain.Fulfil(new FulfilCommand(5, Domain.Sam, 1.5)));
        var reopened = await WritesOf(grain, () => grain.Reopen(new RequestCommand(6, Domain.Sam, "They need more")));

        Assert.Equal(
            "create 1, triage 1, assign 1, accept 1, reveal 1, start 1, fulfil 1, reopen 1",
            $"create {created}, triage {triaged}, assign {assigned}, accept {accepted}, reveal {revealed}, start {started}, fulfil {fulfilled}, reopen {reopened}");
    }

    /// <summary>
    /// The benchmark's lifecycle (bench/MutualAid.Bench, Driver.Lifecycle) across every grain it
    /// touches: the request once per command, the volunteer only when their load changes, the hub's
    /// board at most once per notice (fewer when notices arrive while a write is in flight), each time
    /// as logged rows rather than the whole board, and its person index's log once, for the new person.
    /// </summary>
    [Fact]
    public async Task A_lifecycle_writes_the_request_once_per_command_the_volunteer_twice_the_board_at_most_once_per_notice_and_the_person_index_log_once()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Priya");
        var person = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        var board = domain.Hub(hub);
        var grain = domain.RequestGrain(Guid.NewGuid());
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteer.Id));
        int BoardWrites() => fixture.WritesOf(board.GetGrainId(), "hub") + fixture.WritesOf(board.GetGrainId(), "hub-log");
        await Wait.Until(() => fixture.WritesOf(board.GetGrainId(), "hub-log") > 0, "the hub to write the volunteer");
        var (hubBefore, wholeBefore) = (BoardWrites(), fixture.WritesOf(board.GetGrainId(), "hub"));
        var peopleBefore = fixture.WritesOf(board.GetGrainId(), "hub-people");
        var logBefore = fixture.WritesOf(board.GetGrainId(), "hub-people-log");
        var said = new List<string>();

        async Task Step(string name, Func<Task<Result<RequestView>>> command)
        {
            var (request, volunteerBefore) = (fixture.WritesOf(grain.GetGrainId()), fixture.WritesOf(person.GetGrainId()));
            var result = await command();
            Assert.True(result.IsOk, result.Message);
            await domain.WaitForBoard(hub, b => b.Version > 0 && (b.Requests.Any(r => r.Id == result.Value!.Id && r.Version == result.Value.Version) || !RequestLifecycle.IsOpen(result.Value!.Status)));
            said.Add($"{name} {fixture.WritesOf(grain.GetGrainId()) - request}/{fixture.WritesOf(person.GetGrainId()) - volunteerBefore}");
        }

        await Step("create", () => grain.Create(Domain.Request(hub, Domain.UniquePhone())));
        await Step("triage", () => grain.Triage(new TriageCommand(1, Domain.Sam)));
        await Step("assign", () => grain.Assign(new AssignCommand(2, Domain.Sam, volunteer.Id)));
        await Step("start", () => grain.Start(new RequestCommand(3, Domain.Sam)));
        await Step("fulfil", () => grain.Fulfil(new FulfilCommand(4, Domain.Sam, 1)));
        // Seven notices reach the hub: the request's five and the volunteer's two.
        await domain.WaitForBoard(hub, b => b.Counts.Count(RequestStatus.Fulfilled) == 1 && b.Volunteers.Single(v => v.Id == volunteer.Id).ActiveAssignments == 0);
        await Wait.Until(() => BoardWrites() - hubBefore >= 5, "the hub to write the request's notices");

        Assert.Equal("create 1/0, triage 1/0, assign 1/1, start 1/0, fulfil 1/1", string.Join(", ", said));
        Assert.InRange(BoardWrites() - hubBefore, 5, 7);
        Assert.Equal(0, fixture.WritesOf(board.GetGrainId(), "hub") - wholeBefore); // a few rows each: all logged
        // The person index's log is written once, when the request is filed under its person; the whole index not at all.
        Assert.Equal(1, fixture.WritesOf(board.GetGrainId(), "hub-people-log") - logBefore);
        Assert.Equal(0, fixture.WritesOf(board.GetGrainId(), "hub-people") - peopleBefore);
    }

    [Fact]
    public async Task Claiming_unassigning_declining_and_cancelling_write_the_request_once_each()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Omar");

        var claimed = await WritesOf(grain, () => grain.Claim(new ClaimCommand(request.Version, Domain.Ana, volunteer.Id)));
        var unassigned = await WritesOf(grain, () => grain.Unassign(new RequestCommand(request.Version + 1, Domain.Sam, "Needs a car")));
        var assigned = await WritesOf(grain, () => grain.Assign(new AssignCommand(request.Version + 2, Domain.Sam, volunteer.Id)));
        var declined = await WritesOf(grain, () => grain.Decline(new RequestCommand(request.Version + 3, Domain.Sam)));
        var cancelled = await WritesOf(grain, () => grain.Cancel(new RequestCommand(request.Version + 4, Domain.Sam, "Family helped")));

        Assert.Equal(
            "claim 1, unassign 1, assign 1, decline 1, cancel 1",
            $"claim {claimed}, unassign {unassigned}, assign {assigned}, decline {declined}, cancel {cancelled}");
    }

    [Fact]
    public async Task Editing_writes_the_request_once_and_so_does_each_note()
    {
        var (_, request, grain) = await domain.NewHubWithRequest();

        var edited = await WritesOf(grain, () => grain.Edit(new EditRequest(request.Version, Domain.Sam, new() { Urgency = Urgency.Critical, Need = "Nappies" })));
        var noted = await WritesOf(grain, async () =>
        {
            Assert.True((await grain.AddNote(new AddNote(NoteKind.NoAnswer, "Rang at 14:10", false, Domain.Sam))).IsOk);
            return (await grain.GetView())!;
        });

        Assert.Equal("edit 1, note 1", $"edit {edited}, note {noted}");
    }

    [Fact]
    public async Task A_refused_command_writes_nothing()
    {
        var (hub, request, grain) = await domain.HubWithRequest();

        var refused = await WritesOf(grain, () => grain.Fulfil(new FulfilCommand(request.Version, Domain.Sam, 1)), expectOk: false);

        Assert.Equal(0, refused);
    }

    [Fact]
    public async Task Every_offer_command_writes_the_offer_once()
    {
        var hub = await domain.NewHub();
        var grain = fixture.Grains.GetGrain<IOfferGrain>(Guid.NewGuid());
        var offer = new NewOffer(hub, OfferKind.Goods, RequestCategory.Food, "Rice", 20, "kg", new ContactDetails("Tom", null, null, null), RequestSource.PhoneIntake, Domain.Sam)
        {
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(2),
        };

        var created = await WritesOf(grain, () => grain.Create(offer));
        var edited = await WritesOf(grain, () => grain.Edit(new EditOffer(1, Domain.Ana, new() { Quantity = 25, ExpiresAt = DateTimeOffset.UtcNow.AddDays(3) })));
        var paused = await WritesOf(grain, () => grain.Pause(new OfferCommand(2, Domain.Ana)));
        var resumed = await WritesOf(grain, () => grain.Unpause(new OfferCommand(3, Domain.Ana)));
        var drawn = await WritesOf(grain, () => grain.DrawDown(5, null, Domain.Sam));
        var stale = await WritesOf(grain, () => grain.Withdraw(new OfferCommand(4, Domain.Ana, "Gone")), expectOk: false);
        var withdrawn = await WritesOf(grain, () => grain.Withdraw(new OfferCommand(5, Domain.Ana, "Gone")));

        Assert.Equal(
            "create 1, edit 1, pause 1, resume 1, draw 1, stale 0, withdraw 1",
            $"create {created}, edit {edited}, pause {paused}, resume {resumed}, draw {drawn}, stale {stale}, withdraw {withdrawn}");
    }

    private async Task<int> WritesOf<T>(IAddressable grain, Func<Task<Result<T>>> command, bool expectOk = true)
    {
        var before = fixture.WritesOf(grain.GetGrainId());
        var result = await command();
        Assert.True(result.IsOk == expectOk, result.Message);
        return fixture.WritesOf(grain.GetGrainId()) - before;
    }

    private async Task<int> WritesOf(IRequestGrain grain, Func<Task<RequestView>> command)
    {
        var before = fixture.WritesOf(grain.GetGrainId());
        await command();
        return fixture.WritesOf(grain.GetGrainId()) - before;
    }
}
