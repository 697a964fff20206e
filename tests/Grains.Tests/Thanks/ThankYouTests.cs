using MutualAid.Thanks;

namespace MutualAid.Grains.Tests.Thanks;

/// <summary>A thank-you is for a delivered request, reaches its volunteer once per note, and never turns anyone's next command stale.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ThankYouTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private async Task<(string Hub, RequestView Delivered, IRequestGrain Grain)> Delivered()
    {
        var (hub, volunteer, request, grain) = await domain.HubWithRequest("Priya");
        var assigned = await grain.Assign(new AssignCommand(request.Version, Domain.Sam, volunteer.Id));
        var accepted = await grain.Accept(new RequestCommand(assigned.Value!.Version, Domain.Sam));
        var started = await grain.Start(new RequestCommand(accepted.Value!.Version, Domain.Sam));
        var done = await grain.Fulfil(new FulfilCommand(started.Value!.Version, Domain.Sam, 1));
        Assert.True(done.IsOk, done.Message);
        return (hub, done.Value!, grain);
    }

    private static ThankCommand Note(string text, Guid? id = null) => new(id ?? Guid.NewGuid(), ThanksFrom.Requester, text, Domain.Ana);

    [Fact]
    public async Task A_request_not_yet_delivered_cannot_be_thanked()
    {
        var (_, _, request, grain) = await domain.HubWithRequest("Priya");

        var thanked = await grain.Thank(Note("thank you"));

        Assert.Equal(Reason.ThanksAfterDelivery, thanked.Reason);
        Assert.Equal(request.Version, (await grain.GetView())!.Version);
    }

    [Fact]
    public async Task The_same_note_sent_twice_reaches_the_volunteer_once_and_the_version_stays()
    {
        var (_, delivered, grain) = await Delivered();
        var id = Guid.NewGuid();

        Assert.True((await grain.Thank(Note("  You were so kind  ", id))).IsOk);
        Assert.True((await grain.Thank(Note("  You were so kind  ", id))).IsOk);

        var volunteer = await fixture.Grains.GetGrain<IVolunteerGrain>(delivered.Assignment!.VolunteerId).GetView();
        var note = Assert.Single(volunteer!.Thanks);
        Assert.Equal("You were so kind", note.Text);
        Assert.Equal(delivered.Version, (await grain.GetView())!.Version); // a thank-you is not a change of the request
        Assert.Single(await grain.GetAudit(), e => e.Said.Key == "DidThank");
    }

    [Fact]
    public async Task A_request_takes_a_few_notes_and_no_more()
    {
        var (_, delivered, grain) = await Delivered();
        for (var i = 0; i < ThankCommand.MaxPerRequest; i++) Assert.True((await grain.Thank(Note($"thanks {i}"))).IsOk);

        var more = await grain.Thank(Note("one more"));

        Assert.Equal(Reason.ThanksEnough, more.Reason);
        Assert.Equal(ThankCommand.MaxPerRequest, (await fixture.Grains.GetGrain<IVolunteerGrain>(delivered.Assignment!.VolunteerId).GetView())!.Thanks.Count);
    }

    [Fact]
    public async Task An_empty_note_or_one_from_another_hub_is_refused()
    {
        var (_, _, grain) = await Delivered();
        var other = await domain.NewHub();

        Assert.Equal(Reason.ThanksNeedText, (await grain.Thank(Note("   "))).Errors.Single().Reason);
        Assert.Equal(Reason.NotInHub, (await grain.Thank(Note("thanks") with { Hub = other })).Reason);
    }
}
