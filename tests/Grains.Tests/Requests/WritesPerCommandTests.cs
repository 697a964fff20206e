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
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);

        var edited = await WritesOf(grain, () => grain.Edit(new EditRequest(request.Version, Domain.Sam) { Urgency = Urgency.Critical, Need = "Nappies" }));
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

    private async Task<int> WritesOf(IRequestGrain grain, Func<Task<Result<RequestView>>> command, bool expectOk = true)
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
