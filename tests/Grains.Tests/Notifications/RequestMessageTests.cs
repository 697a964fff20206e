using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>Each kind of message is decided by the grain whose change causes it, and reaches the hub's outbox.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class RequestMessageTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private IOutboxGrain Outbox(string hub) => fixture.Grains.GetGrain<IOutboxGrain>(hub);

    private async Task<OutboxEntry> Arrives(string hub, Recipient to, MessageKind kind)
    {
        OutboxEntry? found = null;
        await Wait.Until(async () => (found = (await Outbox(hub).ForRecipient(to, 50)).FirstOrDefault(e => e.Message.Kind == kind)) is not null, $"{kind} for {to} in {hub}'s outbox");
        return found!;
    }

    [Fact]
    public async Task The_requester_hears_received_on_the_way_with_a_first_name_only_and_delivered_in_their_language()
    {
        var (hub, v, request, grain) = await domain.HubWithRequest("Rosa Diaz");
        var requester = Recipient.Requester(request.Id);

        var received = await Arrives(hub, requester, MessageKind.RequestReceived);
        Assert.Equal(("es", Reason.RequestReceived.Key(), request.ReferenceCode), (received.Message.Language, received.Message.Said.Key, received.Message.Said.Args[0]));
        Assert.Equal(OutboundMessage.KeyFor(request.Id.ToString("N"), 1, MessageKind.RequestReceived, requester), received.Key);

        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        var offered = await Arrives(hub, Recipient.Volunteer(v.Id), MessageKind.AssignmentOffered);
        Assert.Equal(request.Id, offered.Message.RequestId);
        var accepted = (await grain.Accept(new RequestCommand(assigned.Version, Domain.Sam))).Value!;
        var started = (await grain.Start(new RequestCommand(accepted.Version, Domain.Sam))).Value!;
        var onTheWay = await Arrives(hub, requester, MessageKind.VolunteerOnTheWay);
        Assert.Equal("Rosa", onTheWay.Message.Said.Args[0]); // never the surname, never anyone else
        await grain.Fulfil(new FulfilCommand(started.Version, Domain.Sam, 1));
        await Arrives(hub, requester, MessageKind.RequestDelivered);

        Assert.Equal(3, (await Outbox(hub).ForRecipient(requester, 50)).Count); // one per event
    }

    [Fact]
    public async Task Cancelling_tells_the_requester_why_and_the_volunteer_it_was_taken_away()
    {
        var (hub, v, request, grain) = await domain.HubWithRequest("Omar");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        await grain.Cancel(new RequestCommand(assigned.Version, Domain.Sam, "Family helped"));

        var cancelled = await Arrives(hub, Recipient.Requester(request.Id), MessageKind.RequestCancelled);
        Assert.Equal("Family helped", cancelled.Message.Said.Args[1]);
        var away = await Arrives(hub, Recipient.Volunteer(v.Id), MessageKind.ReassignedAway);
        Assert.Equal(request.ReferenceCode, away.Message.Said.Args[0]);
    }

    [Fact]
    public async Task Reopening_a_cancelled_request_tells_the_requester_it_is_open_again()
    {
        var (hub, _, request, grain) = await domain.HubWithRequest("Omar");
        var cancelled = (await grain.Cancel(new RequestCommand(request.Version, Domain.Sam, "Family helped"))).Value!;
        await Arrives(hub, Recipient.Requester(request.Id), MessageKind.RequestCancelled);

        Assert.True((await grain.Reopen(new RequestCommand(cancelled.Version, Domain.Sam, "They rang again") { Hub = hub })).IsOk);

        var reopened = await Arrives(hub, Recipient.Requester(request.Id), MessageKind.RequestReopened);
        Assert.Equal((Reason.RequestReopened.Key(), request.ReferenceCode), (reopened.Message.Said.Key, reopened.Message.Said.Args[0]));
    }

    [Fact]
    public async Task A_volunteer_accepting_their_own_job_is_not_named_twice_in_its_history()
    {
        var (_, v, request, grain) = await domain.HubWithRequest("Omar");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;

        Assert.True((await grain.Accept(new RequestCommand(assigned.Version, new Actor("omar-user", v.Profile.Name)))).IsOk);

        Assert.Equal("accepted this", (await grain.GetAudit())[^1].Action);
    }

    [Fact]
    public async Task A_volunteer_is_warned_ten_minutes_before_a_claim_lapses_and_told_when_it_does()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Sol");
        var request = await domain.NewRequest(hub, urgency: Urgency.High);
        var grain = domain.RequestGrain(request.Id);
        var claimed = (await grain.Claim(new ClaimCommand(request.Version, Domain.Ana, v.Id))).Value!;
        var until = claimed.Assignment!.ClaimExpiresAt!.Value;
        var volunteer = Recipient.Volunteer(v.Id);

        fixture.Clock.Advance(until - TimeSpan.FromMinutes(9) - fixture.Clock.GetUtcNow());
        await grain.CheckClaim();
        await grain.CheckClaim(); // once per claim
        await Arrives(hub, volunteer, MessageKind.ClaimLapsingSoon);
        Assert.Equal(claimed.Version, (await grain.GetView())!.Version); // a warning is not a change of the request
        var sofar = await Outbox(hub).ForRecipient(volunteer, 50);
        Assert.Single(sofar, e => e.Message.Kind == MessageKind.ClaimLapsingSoon);
        Assert.DoesNotContain(sofar, e => e.Message.Kind == MessageKind.AssignmentOffered); // they took it themselves

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await grain.CheckClaim();
        await Arrives(hub, volunteer, MessageKind.ClaimLapsed);
        Assert.DoesNotContain(await Outbox(hub).ForRecipient(volunteer, 50), e => e.Message.Kind == MessageKind.ReassignedAway);
    }

    [Fact]
    public async Task Coordinators_hear_of_a_critical_request_unassigned_past_its_deadline_even_in_quiet_hours()
    {
        var hub = await domain.NewHub();
        var request = await domain.NewRequest(hub, urgency: Urgency.Critical);
        var grain = domain.RequestGrain(request.Id);
        fixture.Clock.Advance(request.AssignBy!.Value - fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await grain.CheckDeadline();

        var alert = await Arrives(hub, Recipient.Coordinators(hub), MessageKind.CriticalUnassigned);
        Assert.True(alert.Message.Critical);
    }

    [Fact]
    public async Task Other_hubs_of_the_region_hear_of_an_escalation_and_the_hub_that_escalated_does_not()
    {
        var (region, from, neighbour) = await domain.NewRegionWithTwoHubs("Region");
        await Wait.Until(async () => (await fixture.Grains.GetGrain<IRegionGrain>(region).GetOverview())?.Hubs.Count == 2, "both hubs in the region");
        var request = await domain.NewRequest(from);
        await domain.RequestGrain(request.Id).Escalate(new EscalateCommand(request.Version, Domain.Sam, region, "No drivers today"));

        var offered = await Arrives(neighbour, Recipient.Coordinators(neighbour), MessageKind.EscalationOffered);
        Assert.Equal(("Hub " + from, "No drivers today"), (offered.Message.Said.Args[0], offered.Message.Said.Args[4])); // the hub's name, not its slug
        Assert.Empty(await Outbox(from).ForRecipient(Recipient.Coordinators(from), 10));
    }

    [Fact]
    public async Task A_coordinators_message_goes_through_the_hubs_outbox_and_stays_on_the_page()
    {
        var hub = await domain.NewHub();
        var v = await domain.NewVolunteer(hub, "Ines");
        await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).Tell(hub, Domain.Sam, "Please call the hub");

        var message = await Arrives(hub, Recipient.Volunteer(v.Id), MessageKind.CoordinatorMessage);
        Assert.Equal(Reason.CoordinatorMessage.Key(), message.Message.Said.Key);
        Assert.Equal(["Sam", "Please call the hub"], message.Message.Said.Args);
        var notice = Assert.Single((await fixture.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.Notices);
        Assert.Equal("Sam: Please call the hub", notice.Message);
        Assert.Equal(hub, notice.HubSlug);
    }

    [Fact]
    public async Task The_requesters_address_is_given_to_a_volunteer_only_once_they_accepted_and_while_they_hold_the_request()
    {
        var hub = await domain.NewHub();
        var (v, other) = (await domain.NewVolunteer(hub, "Ana"), await domain.NewVolunteer(hub, "Bo"));
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);
        Assert.Null(await grain.ContactForVolunteer(v.Id)); // not theirs yet

        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, v.Id))).Value!;
        Assert.Null(await grain.ContactForVolunteer(v.Id)); // offered: they may still decline

        var accepted = (await grain.Accept(new RequestCommand(assigned.Version, Domain.Sam))).Value!;
        Assert.Equal("12 Elm Street, Flat 3", (await grain.ContactForVolunteer(v.Id))?.Address);
        Assert.Null(await grain.ContactForVolunteer(other.Id));

        await grain.Unassign(new RequestCommand(accepted.Version, Domain.Sam, "Needs a car"));
        Assert.Null(await grain.ContactForVolunteer(v.Id)); // a message sent now carries no address
    }
}
