using MutualAid.Silo.Audit;

namespace MutualAid.Grains.Tests.Requests;

/// <summary>People write a volunteer's first name alone; erasing the volunteer takes that out too.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FirstNameErasureTests(ClusterFixture fixture)
{
    private readonly Domain domain = new(fixture.Grains);

    [Fact]
    public async Task Forgetting_a_volunteer_takes_their_first_name_alone_out_of_case_notes_and_typed_reasons()
    {
        var (hub, zephyrine, request, grain) = await domain.HubWithRequest("Zephyrine Okafor");
        var assigned = (await grain.Assign(new AssignCommand(request.Version, Domain.Sam, zephyrine.Id))).Value!;
        Assert.True((await grain.Unassign(new RequestCommand(assigned.Version, Domain.Sam, "zephyrine is unwell today"))).IsOk);
        Assert.True((await grain.AddNote(new AddNote(NoteKind.Note, "Zephyrine left the bags at the door", false, Domain.Sam) { Hub = hub })).IsOk);
        Assert.True((await grain.AddNote(new AddNote(NoteKind.Note, "Rang ZEPHYRINE OKAFOR back", false, Domain.Sam) { Hub = hub })).IsOk);

        var forgotten = await grain.ForgetVolunteer(new ForgetVolunteer(zephyrine.Id, ["Zephyrine Okafor"], [], Domain.Sam));

        Assert.True(forgotten.IsOk, forgotten.Message);
        Assert.Equal(["Rang [erased] back", "[erased] left the bags at the door"], (await grain.GetNotes(new NoteScope { Hub = hub })).Value!.Select(n => n.Text).Order(StringComparer.Ordinal));
        var audit = await grain.GetAudit();
        Assert.Contains(audit, e => e.Reason == "[erased] is unwell today");
        Assert.DoesNotContain(audit, e => $"{e.Said} {e.Reason} {e.ReasonSaid}".Contains("zephyrine", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_first_name_is_looked_for_after_the_full_name_and_only_when_it_could_be_one()
    {
        Assert.Equal(["Zephyrine Okafor", "Zephyrine"], Unnaming.WithFirstNames(["Zephyrine Okafor"]));
        Assert.Equal(["Zephyrine"], Unnaming.WithFirstNames(["Zephyrine", "zephyrine"]));
        Assert.Equal(["J. Okafor"], Unnaming.WithFirstNames(["J. Okafor"])); // an initial would take every "J" out
        Assert.Empty(Unnaming.WithFirstNames([ContactDetails.ErasedName, " "]));
        Assert.Equal("[erased] Okafor left; Zephyrines stays", Unnaming.InText("zephyrine Okafor left; Zephyrines stays", ["Zephyrine"]));
    }

    [Fact]
    public async Task An_erased_volunteers_tombstone_no_longer_lists_the_requests_they_worked_on()
    {
        var (hub, volunteer, request, _) = await domain.HubWithRequest("Zephyrine Okafor");
        await domain.Deliver(request, volunteer.Id, hours: 2);
        var grain = fixture.Grains.GetGrain<IVolunteerGrain>(volunteer.Id);
        Assert.Contains(request.Id, await grain.GetRequestsNamingThem());

        var erased = await grain.ErasePersonalData(Domain.Sam);

        Assert.True(erased.IsOk, erased.Message);
        Assert.Empty(await grain.GetRequestsNamingThem());
        Assert.Equal(2, erased.Value!.HoursTotal); // the hub's counts keep the hours, not which job they were
        Assert.Equal(2, (await grain.GetTimeBank(hub, 4))!.HoursTotal);
    }
}
