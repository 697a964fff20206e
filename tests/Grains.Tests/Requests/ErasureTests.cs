namespace MutualAid.Grains.Tests.Requests;

[Collection(ClusterCollection.Name)]
public sealed class ErasureTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task A_person_can_be_found_across_open_and_closed_requests_and_erased_to_a_tombstone()
    {
        var hub = await domain.NewHub();
        var closed = await domain.NewRequest(hub, phone: "07700 900777");
        await domain.RequestGrain(closed.Id).Cancel(new RequestCommand(1, Domain.Sam, "sorted"));
        var open = await domain.NewRequest(hub, phone: "+44 7700 900777");
        var someoneElse = await domain.NewRequest(hub);
        var key = new ContactDetails("x", "07700900777", null, null).MatchKey()!;
        await domain.WaitForBoard(hub, b => b.Requests.Any(r => r.Id == someoneElse.Id) && b.Requests.Any(r => r.Id == open.Id));

        Assert.Equal(new[] { closed.Id, open.Id }.Order(), (await domain.Hub(hub).FindRequestsByContact(key)).Order());

        var missingReason = await domain.RequestGrain(open.Id).ErasePersonalData(new RequestCommand(1, Domain.Sam));
        Assert.Equal(ResultStatus.Invalid, missingReason.Status);
        var erased = await domain.RequestGrain(open.Id).ErasePersonalData(new RequestCommand(1, Domain.Sam, "the person asked"));

        Assert.True(erased.IsOk, erased.Message);
        var view = erased.Value!;
        Assert.Equal(RequestStatus.Cancelled, view.Status);
        Assert.Equal(ContactDetails.Erased, view.Contact);
        Assert.Null(view.Location);
        Assert.Null(view.AccessibilityNotes);
        Assert.Equal("[erased]", view.Need);
        Assert.Equal(["created this (phone intake)", "cancelled this", "erased the personal data in this"],
            (await domain.RequestGrain(open.Id).GetAudit()).Select(a => a.Action));
        var board = await domain.WaitForBoard(hub, b => b.Requests.All(r => r.Id != open.Id));
        Assert.Equal(2, board.Counts.Count(RequestStatus.Cancelled)); // the tombstone still counts
        await Wait.Until(async () => (await domain.Hub(hub).FindRequestsByContact(key)).SequenceEqual([closed.Id]), "the hub to index the closed request by contact");
    }

    [Fact]
    public async Task A_request_keeps_a_volunteer_it_is_held_by_and_forgets_one_it_was_offered_to_once_without_a_second_write()
    {
        var hub = await domain.NewHub();
        var vera = await domain.NewVolunteer(hub, "Verity Ashgrove");
        var request = await domain.NewRequest(hub);
        var assigned = (await domain.RequestGrain(request.Id).Assign(new AssignCommand(request.Version, Domain.Sam, vera.Id))).Value!;
        Assert.Contains(request.Id, await fixture.Grains.GetGrain<IVolunteerGrain>(vera.Id).GetRequestsNamingThem());
        var forget = new ForgetVolunteer(vera.Id, ["Verity Ashgrove"], [], Domain.Sam);

        var held = await domain.RequestGrain(request.Id).ForgetVolunteer(forget);
        Assert.Equal(Reason.HoldsAssignments, held.Reason);
        Assert.Equal(assigned.Version, (await domain.RequestGrain(request.Id).GetView())!.Version);

        var unassigned = await domain.RequestGrain(request.Id).Unassign(new RequestCommand(assigned.Version, Domain.Sam, "Other plans"));
        Assert.True(unassigned.IsOk, unassigned.Message);
        var forgotten = await domain.RequestGrain(request.Id).ForgetVolunteer(forget);
        Assert.True(forgotten.IsOk, forgotten.Message);
        Assert.DoesNotContain(await domain.RequestGrain(request.Id).GetAudit(), e => e.Action.Contains("Verity", StringComparison.Ordinal));
        Assert.All(forgotten.Value!.PastAssignments.Where(a => a.VolunteerId == vera.Id), a => Assert.Equal(ContactDetails.ErasedName, a.VolunteerName));

        var again = await domain.RequestGrain(request.Id).ForgetVolunteer(forget);
        Assert.Equal(forgotten.Value.Version, again.Value!.Version);
    }

    [Fact]
    public async Task Erasing_an_open_two_volunteer_request_releases_both_volunteers()
    {
        var hub = await domain.NewHub();
        var (grain, priya, tom, one) = await domain.PairWithPriya(hub);
        var both = (await grain.Assign(new AssignCommand(one.Version, Domain.Sam, tom.Id))).Value!;
        Assert.Equal(2, both.Assignees.Count);

        var erased = await grain.ErasePersonalData(new RequestCommand(both.Version, Domain.Sam, "the person asked"));
        Assert.True(erased.IsOk, erased.Message);
        Assert.Equal(RequestStatus.Cancelled, erased.Value!.Status);

        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(priya.Id).GetView())!.Reservations);
        Assert.Empty((await fixture.Grains.GetGrain<IVolunteerGrain>(tom.Id).GetView())!.Reservations); // the partner's time is theirs again too
    }

    [Fact]
    public async Task A_volunteer_is_erased_only_once_free_and_keeps_their_banked_hours()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Sasha");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        var request = Guid.NewGuid();
        await grain.Reserve(request, hub, 1);

        Assert.Equal("Sasha still holds 1 assignment(s); unassign them first.", (await grain.ErasePersonalData(Domain.Sam)).Message);
        await grain.Complete(request, 2);
        var erased = await grain.ErasePersonalData(Domain.Sam);

        Assert.True(erased.IsOk);
        Assert.Equal("[erased]", erased.Value!.Profile.Name);
        Assert.Empty(erased.Value.Profile.Languages);
        Assert.False(erased.Value.OnDuty);
        Assert.Equal(2, erased.Value.HoursTotal);
    }

    [Fact]
    public async Task An_erased_volunteers_own_trail_keeps_what_happened_and_no_longer_names_them()
    {
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Dagny Whitcombe");
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        // Two claims given back within the hour hold their claiming (the hold names them), and a
        // coordinator clears it (so does that line).
        for (var i = 0; i < 2; i++)
        {
            var request = Guid.NewGuid();
            Assert.True((await grain.Reserve(request, hub, 1)).IsOk);
            await grain.GiveBack(request, allowedPerHour: 1);
        }

        Assert.NotNull((await grain.GetView())!.ClaimsHeld);
        Assert.True((await grain.ClearClaimsHold(Domain.Sam)).IsOk);
        var before = await grain.GetAudit();
        Assert.Contains(before, e => e.Said.ToString().Contains("Dagny Whitcombe", StringComparison.Ordinal));

        Assert.True((await grain.ErasePersonalData(Domain.Sam)).IsOk);

        var after = await grain.GetAudit();
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(after, e => e.Said.ToString().Contains("Dagny", StringComparison.Ordinal) || (e.Reason ?? "").Contains("Dagny", StringComparison.Ordinal));
        Assert.All(after, e => Assert.Contains(ContactDetails.ErasedName, e.Said.ToString(), StringComparison.Ordinal));
    }
}
