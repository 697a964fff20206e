namespace MutualAid.Web.Tests.Volunteers;

/// <summary>The assigned volunteer reads on /my/jobs the contact-log entries marked for them, and no others.</summary>
public sealed class MyJobNotesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task My_jobs_shows_only_the_notes_marked_for_the_volunteer()
    {
        var factory = app.Factory;
        var hub = await Seed.Hub(factory.Grains);
        var volunteer = await Seed.Volunteer(factory.Grains, hub, "Vee");
        var email = await factory.User(new RoleGrant(Role.Volunteer, hub));
        Assert.True((await factory.Grains.GetGrain<IUserGrain>(IUserGrain.Key(email)).LinkVolunteer(volunteer, new Actor("test", "Test"))).IsOk);
        var request = await Seed.Request(factory.Grains, hub);
        var grain = factory.Grains.GetGrain<IRequestGrain>(request.Id);
        await grain.AddNote(new AddNote(NoteKind.Note, "Desk only: son is difficult", false, Seed.Sam) { Hub = hub });
        await grain.AddNote(new AddNote(NoteKind.Texted, "Ring the side door", true, Seed.Sam) { Hub = hub });
        Assert.True((await grain.Assign(new AssignCommand(request.Version, Seed.Sam, volunteer))).IsOk);
        using var client = await factory.SignedIn(email);

        var page = await client.GetStringAsync(new Uri("/my/jobs", UriKind.Relative));

        Assert.Contains("Ring the side door", page, StringComparison.Ordinal);
        Assert.DoesNotContain("son is difficult", page, StringComparison.Ordinal);
    }
}
