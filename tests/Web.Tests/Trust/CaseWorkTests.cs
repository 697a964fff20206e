using System.Net.Http.Json;
using MutualAid.Web.Tests.SignalR;

namespace MutualAid.Web.Tests.Trust;

/// <summary>
/// Editing a request and its contact log through the web tier: only the hub's coordinators and
/// dispatchers; the log's words never reach anyone else by any channel (board, delta, export, API).
/// </summary>
public sealed class CaseWorkTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private const string Secret = "Left voicemail: the key is under the blue pot";

    public static TheoryData<string> AllRoles() => ["anonymous", "admin", "regional", "coordinator", "dispatcher", "volunteer", "other-coordinator"];

    private static HttpRequestMessage Api(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(ClientHeaderFilter.Header, "tests");
        return request;
    }

    private async Task<RequestView> RequestWithNote(bool forVolunteer = false)
    {
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: "07700 4" + Random.Shared.Next(10000, 99999));
        var added = await (await world.As<CaseNoteService>("dispatcher")).Add(world.A, request.Id, NoteKind.LeftVoicemail, Secret, forVolunteer);
        Assert.True(added.IsOk, added.Message);
        return request;
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Only_the_hubs_coordinators_and_dispatchers_add_and_read_notes(string role)
    {
        var request = await RequestWithNote();
        var notes = await world.As<CaseNoteService>(role);

        var added = await notes.Add(world.A, request.Id, NoteKind.Called, "Rang twice", false);
        var read = await notes.Read(world.A, request.Id);

        var log = (await (await world.As<CaseNoteService>("coordinator")).Read(world.A, request.Id)).Value!;
        if (role is "coordinator" or "dispatcher")
        {
            Assert.True(added.IsOk && read.IsOk, added.Message ?? read.Message);
            Assert.Equal(["Rang twice", Secret], log.Select(n => n.Text));
        }
        else
        {
            Assert.Equal((ResultStatus.Refused, Reason.NotADispatcher), (added.Status, added.Reason));
            Assert.False(read.IsOk);
            Assert.Null(read.Value);
            Assert.Equal([Secret], log.Select(n => n.Text));
        }

        Assert.True(AccessPolicy.Allows([new RoleGrant(Role.Dispatcher, "a")], Ability.ReadNotes, "a", "r"));
        Assert.False(AccessPolicy.Allows([new RoleGrant(Role.Dispatcher, "a")], Ability.AddNote, "b", "r"));
        Assert.False(AccessPolicy.Allows([new RoleGrant(Role.RegionalCoordinator, "r")], Ability.ReadNotes, "a", "r"));
        Assert.False(AccessPolicy.Allows([new RoleGrant(Role.Volunteer, "a")], Ability.ReadNotes, "a", "r"));
        Assert.False(AccessPolicy.Allows([new RoleGrant(Role.NetworkAdmin, null)], Ability.ReadNotes, "a", "r"));
    }

    [Fact]
    public async Task The_assigned_volunteer_reads_only_the_notes_marked_for_them()
    {
        var grains = world.Factory.Grains;
        var request = await RequestWithNote();
        await (await world.As<CaseNoteService>("dispatcher")).Add(world.A, request.Id, NoteKind.Texted, "Ring the side door", true);
        var volunteer = await Seed.Volunteer(grains, world.A, "Noor");
        var asVolunteer = await world.As<CaseNoteService>("volunteer", volunteer);
        Assert.Equal((ResultStatus.NotFound, Reason.NotYours), ((await asVolunteer.Read(world.A, request.Id)).Status, (await asVolunteer.Read(world.A, request.Id)).Reason));

        Assert.True((await grains.GetGrain<IRequestGrain>(request.Id).Assign(new AssignCommand(request.Version, Seed.Sam, volunteer))).IsOk);

        Assert.Equal(["Ring the side door"], (await asVolunteer.Read(world.A, request.Id)).Value!.Select(n => n.Text));
        Assert.Equal(["Ring the side door"], (await asVolunteer.ForMyJob(world.A, request.Id)).Value!.Select(n => n.Text));
    }

    [Theory]
    [InlineData("volunteer")]
    [InlineData("regional")]
    public async Task Notes_never_appear_in_a_board_snapshot_delta_export_or_api_answer_of_others(string role)
    {
        await using var connection = world.Factory.BoardConnection(await world.Client(role));
        var (joined, deltas) = await connection.JoinRecording(world.A);
        var request = await RequestWithNote(forVolunteer: true);
        // A change after the note, so a delta for this request surely went out after it was written.
        var edited = await (await world.As<DispatchService>("dispatcher")).Edit(world.A, request.Id, new RequestChanges { Urgency = Urgency.High }, request.Version);
        Assert.True(edited.IsOk, edited.Message);
        await Wait.Until(() => deltas.Any(d => d.Contains(request.Id.ToString(), StringComparison.Ordinal)), "the request's delta");
        var snapshot = await connection.InvokeAsync<System.Text.Json.JsonElement>("GetSnapshot", world.A);
        Assert.Contains(request.Id.ToString(), snapshot.GetRawText(), StringComparison.Ordinal);

        using var client = await world.Client(role);
        var export = await client.GetStringAsync(new Uri($"/hubs/{world.A}/export/requests.csv", UriKind.Relative));
        var summary = await client.SendAsync(Api(HttpMethod.Get, $"/api/v1/requests/{request.Id}"));
        var notes = await client.SendAsync(Api(HttpMethod.Get, $"/api/v1/requests/{request.Id}/notes"));

        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Contains(notes.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var everything = joined.GetRawText() + snapshot.GetRawText() + string.Join("", deltas) + export + await summary.Content.ReadAsStringAsync() + await notes.Content.ReadAsStringAsync();
        Assert.DoesNotContain("blue pot", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatcher_edits_and_keeps_the_contact_log_over_the_api()
    {
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: "07700 3" + Random.Shared.Next(10000, 99999));
        using var client = await world.Client("dispatcher");

        var edited = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/edit",
            new { expectedVersion = request.Version, urgency = "Critical", area = "Canal Row", needsVehicle = true }));
        var stale = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/edit", new { expectedVersion = request.Version, need = "Nappies" }));
        var invalid = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/edit", new { expectedVersion = request.Version + 1, need = " " }));
        var added = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/notes", new { kind = "NoAnswer", text = "Rang 14:10", forVolunteer = true }));
        var empty = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/notes", new { kind = "Note", text = "" }));
        var read = await client.SendAsync(Api(HttpMethod.Get, $"/api/v1/requests/{request.Id}/notes"));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var summary = await edited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("Canal Row", "Critical"), (summary.GetProperty("area").GetString(), summary.GetProperty("urgency").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await stale.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("Stale", "changed urgency, area, vehicle needed"), (conflict.GetProperty("reason").GetString(), conflict.GetProperty("conflict").GetProperty("change").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var error = (await invalid.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("need")[0];
        Assert.Equal(nameof(Reason.SayWhatIsNeeded), error.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains(nameof(Reason.SayWhatHappened), await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notes = await read.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("Rang 14:10", "NoAnswer", true), (notes[0].GetProperty("text").GetString(), notes[0].GetProperty("kind").GetString(), notes[0].GetProperty("forVolunteer").GetBoolean()));
        var view = (await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
        Assert.Equal(request.Version + 1, view.Version); // the note took no version
    }

    [Theory]
    [InlineData("volunteer", HttpStatusCode.Forbidden)]
    [InlineData("regional", HttpStatusCode.Forbidden)]
    [InlineData("other-coordinator", HttpStatusCode.NotFound)]
    public async Task Others_can_neither_edit_nor_add_notes_over_the_api_and_learn_nothing(string role, HttpStatusCode expected)
    {
        var request = await RequestWithNote();
        using var client = await world.Client(role);

        var edit = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/edit", new { expectedVersion = request.Version, need = "Changed" }));
        var note = await client.SendAsync(Api(HttpMethod.Post, $"/api/v1/requests/{request.Id}/notes", new { kind = "Called", text = "Sneaky" }));

        Assert.Equal((expected, expected), (edit.StatusCode, note.StatusCode));
        var bodies = await edit.Content.ReadAsStringAsync() + await note.Content.ReadAsStringAsync();
        Assert.DoesNotContain("blue pot", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria", bodies, StringComparison.Ordinal);
        var view = (await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetView())!;
        Assert.Equal(("Food parcel", request.Version), (view.Need, view.Version));
        var log = (await world.Factory.Grains.GetGrain<IRequestGrain>(request.Id).GetNotes(new NoteScope())).Value!;
        Assert.Equal([Secret], log.Select(n => n.Text));
    }
}
