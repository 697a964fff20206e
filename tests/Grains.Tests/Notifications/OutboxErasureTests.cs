using MutualAid.Notifications;
using MutualAid.Silo.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>
/// Erasing a request's personal data reaches its hub's outbox: the messages about it (their words
/// hold its area, the history the name of who they reached) leave, sent or not, and stay gone when
/// handed again; the message the erasure itself decides, and other requests' messages, stay.
/// </summary>
[Collection(FakeClockCollection.Name)]
public sealed class OutboxErasureTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);
    private readonly OutboxWorld world = new(fixture.Grains, fixture.Clock);

    [Fact]
    public async Task An_erased_requests_messages_leave_the_outbox_and_its_history_and_a_re_hand_does_not_bring_them_back()
    {
        var hub = await world.HubAtHour(12); // messages go at once: a sender can take them
        var outbox = world.Outbox(hub);
        var volunteer = await domain.NewVolunteer(hub, "Rosa Diaz");
        var erased = await domain.NewRequest(hub, area: "Quillfeather Mews");
        // Enough others that the finished messages are moved to the history with the erased one's among them.
        var others = new List<RequestView>();
        for (var i = 0; i < OutboxGrain.FinishedPerHistoryWrite; i++) others.Add(await domain.NewRequest(hub));
        await Wait.Until(async () => (await outbox.Recent(500)).Count == others.Count + 1, "every request's received message in the outbox");
        var received = Assert.Single(await outbox.Recent(500), e => e.Message.RequestId == erased.Id);
        foreach (var due in await outbox.TakeDue("web-1", 100)) await outbox.Report(due.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent));
        Assert.All(await outbox.Recent(500), e => Assert.Equal(MessageStatus.Sent, e.Status));

        var grain = domain.RequestGrain(erased.Id);
        var assigned = (await grain.Assign(new AssignCommand(erased.Version, Domain.Sam, volunteer.Id))).Value!;
        await Wait.Until(async () => (await outbox.ForRecipient(Recipient.Volunteer(volunteer.Id), 10)).Any(e => e.Message.Kind == MessageKind.AssignmentOffered), "the offer in the outbox");

        var result = await grain.ErasePersonalData(new RequestCommand(assigned.Version, Domain.Sam, "the person asked"));

        Assert.True(result.IsOk, result.Message);
        await Wait.Until(async () => (await outbox.Recent(500)).Count(e => e.Message.RequestId == erased.Id) == 1, "the outbox to forget the erased request's messages");
        var left = Assert.Single(await outbox.Recent(500), e => e.Message.RequestId == erased.Id);
        Assert.Equal((MessageKind.ReassignedAway, Recipient.Volunteer(volunteer.Id)), (left.Message.Kind, left.Message.To)); // the erasure's own
        Assert.DoesNotContain("Quillfeather", string.Join(' ', left.Message.Said.Args), StringComparison.Ordinal);
        Assert.Equal(others.Select(o => o.Id).Order(), (await outbox.Recent(500)).Where(e => e.Message.RequestId != erased.Id).Select(e => e.Message.RequestId!.Value).Order());

        await outbox.Enqueue([received.Message]); // handed again, as after a crash
        Assert.DoesNotContain(await outbox.Recent(500), e => e.Key == received.Key);
        await outbox.Forget(erased.Id, result.Value!.Version); // told again: nothing more leaves
        Assert.Single(await outbox.Recent(500), e => e.Message.RequestId == erased.Id);
    }

    [Fact]
    public async Task An_erased_volunteers_messages_leave_the_outboxes_of_their_hubs_and_others_stay()
    {
        var hub = await world.HubAtHour(12);
        var outbox = world.Outbox(hub);
        var rosa = await domain.NewVolunteer(hub, "Rosa Diaz");
        var sol = await domain.NewVolunteer(hub, "Sol");
        var request = await domain.NewRequest(hub);
        var grain = domain.RequestGrain(request.Id);
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, rosa.Id))).Value!;
        await grain.Cancel(new RequestCommand(assigned.Version, Domain.Sam, "Family helped")); // Rosa hears it was taken away
        var rosaGrain = fixture.Grains.GetGrain<IVolunteerGrain>(rosa.Id);
        await rosaGrain.Tell(hub, Domain.Sam, "Please call the hub");
        await fixture.Grains.GetGrain<IVolunteerGrain>(sol.Id).Tell(hub, Domain.Sam, "Thank you for Tuesday");
        var toRosa = Recipient.Volunteer(rosa.Id);
        await Wait.Until(async () => (await outbox.ForRecipient(toRosa, 10)).Count == 3, "the offer, the take-back and the coordinator's message to Rosa");
        foreach (var due in await outbox.TakeDue("web-1", 100)) await outbox.Report(due.Key, OutboxWorld.Report("web-1", DeliveryResult.Sent));
        await Wait.Until(async () => (await rosaGrain.GetView())!.Reservations.Count == 0, "Rosa's reservation released");
        var before = (await outbox.Recent(50)).Where(e => e.Message.To != toRosa).Select(e => e.Key).Order().ToArray();
        Assert.Equal(3, before.Length); // received and cancelled to the requester, the message to Sol

        Assert.True((await rosaGrain.ErasePersonalData(Domain.Sam)).IsOk);

        await Wait.Until(async () => (await outbox.ForRecipient(toRosa, 10)).Count == 0, "the outbox to forget the messages to Rosa");
        Assert.Equal(before, (await outbox.Recent(50)).Select(e => e.Key).Order());
    }
}
