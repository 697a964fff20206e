using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Notifications;

/// <summary>What a hub told requesters about an erased volunteer's jobs names them by first name, told or typed.</summary>
[Collection(FakeClockCollection.Name)]
public sealed class ErasedFirstNameOutboxTests(FakeClockClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    private IOutboxGrain Outbox(string hub) => fixture.Grains.GetGrain<IOutboxGrain>(hub);

    private async Task<IReadOnlyList<OutboxEntry>> Arrived(string hub, Guid request, MessageKind kind)
    {
        await Wait.Until(async () => (await Outbox(hub).ForRecipient(Recipient.Requester(request), 50)).Any(e => e.Message.Kind == kind), $"{kind} in {hub}'s outbox");
        return await Outbox(hub).ForRecipient(Recipient.Requester(request), 50);
    }

    [Fact]
    public async Task Forgetting_a_volunteer_forgets_the_messages_naming_them_by_first_name_on_their_requests_only()
    {
        var (hub, zephyrine, delivered, grain) = await domain.HubWithRequest("Zephyrine Okafor");
        var step = (await grain.Assign(new AssignCommand(delivered.Version, Domain.Sam, zephyrine.Id))).Value!;
        step = (await grain.Accept(new RequestCommand(step.Version, Domain.Sam))).Value!;
        step = (await grain.Start(new RequestCommand(step.Version, Domain.Sam))).Value!;
        Assert.True((await grain.Fulfil(new FulfilCommand(step.Version, Domain.Sam, 1))).IsOk);
        // The reason typed on cancelling is sent to the person who asked, as written.
        var cancelled = await domain.NewRequest(hub, phone: Domain.UniquePhone());
        var offered = (await domain.RequestGrain(cancelled.Id).Assign(new AssignCommand(cancelled.Version, Domain.Sam, zephyrine.Id))).Value!;
        Assert.True((await domain.RequestGrain(cancelled.Id).Cancel(new RequestCommand(offered.Version, Domain.Sam, "zephyrine could not go; sorry"))).IsOk);
        // Another Zephyrine, on a job the erased one never touched, is someone else.
        var other = await domain.NewVolunteer(hub, "Zephyrine Adams");
        var elsewhere = await domain.NewRequest(hub, phone: Domain.UniquePhone());
        step = (await domain.RequestGrain(elsewhere.Id).Assign(new AssignCommand(elsewhere.Version, Domain.Sam, other.Id))).Value!;
        step = (await domain.RequestGrain(elsewhere.Id).Accept(new RequestCommand(step.Version, Domain.Sam))).Value!;
        Assert.True((await domain.RequestGrain(elsewhere.Id).Start(new RequestCommand(step.Version, Domain.Sam))).IsOk);
        static bool Names(OutboxEntry e) => e.Message.Said.ToString().Contains("Zephyrine", StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await Arrived(hub, delivered.Id, MessageKind.RequestDelivered), Names); // "Zephyrine is on her way"
        Assert.Contains(await Arrived(hub, cancelled.Id, MessageKind.RequestCancelled), Names);
        Assert.Contains(await Arrived(hub, elsewhere.Id, MessageKind.VolunteerOnTheWay), Names);

        await Outbox(hub).ForgetNamed([delivered.Id, cancelled.Id], ["Zephyrine Okafor"]);

        var left = (await Outbox(hub).ForRecipient(Recipient.Requester(delivered.Id), 50)).Concat(await Outbox(hub).ForRecipient(Recipient.Requester(cancelled.Id), 50)).ToArray();
        Assert.DoesNotContain(left, Names);
        Assert.Contains(left, e => e.Message.Kind == MessageKind.RequestDelivered); // what did not name them stays
        Assert.Contains(await Outbox(hub).ForRecipient(Recipient.Requester(elsewhere.Id), 50), Names);
    }
}
