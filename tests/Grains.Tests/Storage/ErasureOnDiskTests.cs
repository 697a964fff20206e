using MutualAid.Notifications;

namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// Erasure is judged by what is on disk while the silo still runs: the raw bytes of the SQLite
/// file and its WAL and shared-memory files, not by what the grains answer.
/// </summary>
[Collection(SqliteTestSilo.Collection)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are the point
public sealed class ErasureOnDiskTests : SqliteRestartTest
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private string Database => Store.DatabasePath;

    [Fact]
    public async Task An_erased_requester_is_gone_from_the_file_and_its_wal_while_the_silo_runs_and_the_files_are_owner_only()
    {
        await using var cluster = await Start("erasure-on-disk");
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var contact = new ContactDetails("Zebedee Quintavalle", "07700 913579", "zq.erasure@example.org", "77 Quillfeather Mews");
        var id = Guid.NewGuid();
        var grain = domain.RequestGrain(id);
        var created = await grain.Create(Domain.Request(hub, area: "Quillfeather Estate") with
        {
            Contact = contact,
            AccessibilityNotes = "Xylophone stairlift at the back door",
        });
        Assert.True(created.IsOk, created.Message);
        // A few versions, so the WAL holds several copies of the person, as it did in production.
        Assert.True((await grain.Triage(new TriageCommand(1, Domain.Sam))).IsOk);
        var key = contact.MatchKey()!;
        await Wait.Until(async () => (await domain.Hub(hub).FindRequestsByContact(key)).Contains(id), "the hub to index the request by contact");
        var secrets = new[] { contact.Name, contact.Phone!, contact.Email!, contact.Address!, "Quillfeather", "Xylophone", key["tel:".Length..] };
        Assert.NotEmpty(Found(secrets)); // the scan sees them before the erasure

        var erased = await grain.ErasePersonalData(new RequestCommand(2, Domain.Sam, "the person asked"));

        Assert.True(erased.IsOk, erased.Message);
        Assert.Equal(ContactDetails.ErasedName, erased.Value!.Area);
        Assert.DoesNotContain("Quillfeather", (await grain.GetView())!.Area, StringComparison.Ordinal);
        await Wait.Until(async () => (await domain.Hub(hub).FindRequestsByContact(key)).Count == 0, "the hub to forget the contact");
        await NothingLeft(secrets);
        AssertOwnerOnly();
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task An_erased_requester_is_gone_from_the_pattern_of_their_repeating_request_on_disk()
    {
        await using var cluster = await Start("erasure-on-disk");
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var contact = new ContactDetails("Ottoline Vexworthy", "07700 913571", "ov.erasure@example.org", "9 Brambleglen Yard");
        var series = cluster.Client.GetGrain<IRequestSeriesGrain>(Guid.NewGuid());
        var first = await series.Begin(Domain.Request(hub, area: "Brambleglen Estate") with { Contact = contact, AccessibilityNotes = "Kazoo by the door" }, RepeatEvery.Week);
        Assert.True(first.IsOk, first.Message);
        var secrets = new[] { contact.Name, contact.Phone!, contact.Email!, contact.Address!, "Brambleglen", "Kazoo" };
        Assert.NotEmpty(Found(secrets));

        var erased = await domain.RequestGrain(first.Value!.Id).ErasePersonalData(new RequestCommand(first.Value.Version, Domain.Sam, "the person asked"));

        Assert.True(erased.IsOk, erased.Message);
        await Wait.Until(async () => (await series.GetView())!.StoppedBy is not null, "the series to hear of the erasure");
        await NothingLeft(secrets);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task An_erased_requests_area_is_gone_from_its_boards_log_on_disk_even_without_a_contact_key()
    {
        await using var cluster = await Start("erasure-on-disk");
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var board = domain.Hub(hub);
        var id = Guid.NewGuid();
        // Notices as a request grain sends them, but without a key: only the erasure of the area says what left.
        var row = Domain.Summary(hub, id) with { Area = "Wolverhampton Quagmire Row" };
        await board.RequestChanged(new RequestNotice(row, null));
        await board.RequestChanged(new RequestNotice(row with { Version = 2, Status = RequestStatus.Triaged }, null));
        var secrets = new[] { "Quagmire" };
        Assert.NotEmpty(Found(secrets)); // in the board's log: the whole board was written before the request came

        await board.RequestChanged(new RequestNotice(row with { Version = 3, Status = RequestStatus.Triaged, Area = ContactDetails.ErasedName }, null));

        await NothingLeft(secrets);
        Assert.Equal(ContactDetails.ErasedName, Assert.Single((await board.GetSnapshot()).Requests).Area);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task An_erased_area_is_gone_from_a_boards_log_that_a_restart_found_already_folded_into_the_whole_board()
    {
        string hub;
        var row = Domain.Summary("-", Guid.NewGuid()) with { Area = "Wolverhampton Quagmire Row" };
        await using (var cluster = await Start("svc"))
        {
            var domain = new Domain(cluster.Client);
            hub = await domain.NewHub();
            row = row with { HubSlug = hub };
            var board = domain.Hub(hub);
            await board.RequestChanged(new RequestNotice(row, null)); // logged
            await board.RequestChanged(new RequestNotice(row with { Version = 2, Status = RequestStatus.Triaged }, null));
            // A settings change writes the board whole; the stored log keeps its two entries, which the
            // whole board now holds (their numbers say so) and which name the area.
            Assert.True((await board.Configure(new HubSettings("Renamed " + hub, null), Domain.Sam)).IsOk);
            await cluster.StopAllSilosAsync();
        }

        var secrets = new[] { "Quagmire" };
        // The store reads as service "svc", which the silos above run as.
        Assert.NotEmpty((await Store.Read<HubBoardLog>("hub-log", GrainId.Create("neighbourhood", hub))).Entries);
        await using (var cluster = await Start("svc"))
        {
            // The activation drops those entries in memory only; the erasure must still empty the stored log.
            var board = cluster.Client.GetGrain<IHubGrain>(hub);
            await board.RequestChanged(new RequestNotice(row with { Version = 3, Status = RequestStatus.Triaged, Area = ContactDetails.ErasedName }, null));

            await NothingLeft(secrets);
            Assert.Equal(ContactDetails.ErasedName, Assert.Single((await board.GetSnapshot()).Requests).Area);
            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task An_erased_requests_area_is_gone_from_its_hubs_outbox_on_disk_while_the_silo_runs()
    {
        await using var cluster = await Start("erasure-on-disk");
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var volunteer = await domain.NewVolunteer(hub, "Sol");
        var grain = domain.RequestGrain(Guid.NewGuid());
        var created = await grain.Create(Domain.Request(hub, area: "Gallimaufry Court"));
        Assert.True(created.IsOk, created.Message);
        // The volunteer's offer names the area: it waits in the outbox (no sender runs here).
        var assigned = await grain.Assign(new AssignCommand(1, Domain.Sam, volunteer.Id));
        Assert.True(assigned.IsOk, assigned.Message);
        var outbox = cluster.Client.GetGrain<IOutboxGrain>(hub);
        await Wait.Until(async () => (await outbox.Recent(10)).Any(e => e.Message.Kind == MessageKind.AssignmentOffered), "the offer in the outbox");
        var secrets = new[] { "Gallimaufry" };
        Assert.NotEmpty(Found(secrets));

        Assert.True((await grain.ErasePersonalData(new RequestCommand(2, Domain.Sam, "the person asked"))).IsOk);

        await NothingLeft(secrets);
        Assert.DoesNotContain(await outbox.Recent(10), e => e.Message.Kind == MessageKind.AssignmentOffered);
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task An_erased_volunteer_is_gone_from_the_file_its_wal_and_the_board_state_while_the_silo_runs()
    {
        await using var cluster = await Start("erasure-on-disk");
        var domain = new Domain(cluster.Client);
        var hub = await domain.NewHub();
        var volunteerId = Guid.NewGuid();
        var volunteer = cluster.Client.GetGrain<IVolunteerGrain>(volunteerId);
        var registered = await volunteer.Register(Domain.Volunteer(hub, "Ottoline Brackenbury") with
        {
            Contact = new ContactDetails("Ottoline Brackenbury", "07700 924680", "ob.erasure@example.org", "5 Wistfulwell Row"),
        }, Domain.Sam);
        Assert.True(registered.IsOk, registered.Message);
        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteerId));
        var secrets = new[] { "Ottoline", "Brackenbury", "07700 924680", "ob.erasure@example.org", "Wistfulwell" };
        Assert.NotEmpty(Found(secrets));

        Assert.True((await volunteer.ErasePersonalData(Domain.Sam)).IsOk);

        await domain.WaitForBoard(hub, b => b.Volunteers.Any(v => v.Id == volunteerId && v.Name == ContactDetails.ErasedName));
        await NothingLeft(secrets);
        AssertOwnerOnly();
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public void A_data_folder_and_file_left_readable_by_others_are_made_owner_only_at_start_up()
    {
        Directory.CreateDirectory(Store.Folder);
        File.SetUnixFileMode(Store.Folder, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllBytes(Database, []);
        File.SetUnixFileMode(Database, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        SqliteGrainStorage.Preflight(Database);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Store.Folder));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Database));
    }

    /// <summary>The secrets' hub write follows the erasure by a notice, so the scan may wait a moment for it; never for ever.</summary>
    private async Task NothingLeft(string[] secrets)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        var found = Found(secrets);
        while (found.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            found = Found(secrets);
        }

        Assert.Empty(found);
    }

    /// <summary>Each secret found, with the file it is in and how many times, in UTF-8 and UTF-16.</summary>
    private List<string> Found(string[] secrets)
    {
        var found = new List<string>();
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm" })
        {
            if (!File.Exists(file)) continue;
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var secret in secrets)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                {
                    if (Count(bytes, encoding.GetBytes(secret)) is > 0 and var n)
                    {
                        found.Add($"'{secret}' ({encoding.WebName}) x{n} in {Path.GetFileName(file)}");
                    }
                }
            }
        }

        return found;
    }

    private static int Count(byte[] haystack, byte[] needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        for (var at = span.IndexOf(needle); at >= 0; at = span.IndexOf(needle))
        {
            count++;
            span = span[(at + 1)..];
        }

        return count;
    }

    private void AssertOwnerOnly()
    {
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Store.Folder));
        foreach (var file in new[] { Database, Database + "-wal", Database + "-shm" })
        {
            Assert.True(File.Exists(file), file);
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

}
