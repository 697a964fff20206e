namespace MutualAid.Grains.Tests.Storage;

/// <summary>
/// Audit entries stored before phrases existed held the action as finished English in field 3.
/// They must still load from the store and say what they said then.
/// </summary>
public sealed class LegacyAuditEntryTests : SqliteRestartTest
{
    [Fact]
    public async Task An_entry_stored_with_only_its_english_action_loads_and_reads_as_written()
    {
        var at = new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
        var entries = await Store.WrittenAsReadAs<List<OldAuditEntry>, List<AuditEntry>>("request", GrainId.Create("request", "legacy"),
        [
            new(1, at, new Actor("sam", "Sam"), "created this (phone intake)", null),
            new(2, at.AddMinutes(5), new Actor("ana", "Ana"), "assigned this to Priya", "she lives next door"),
        ]);

        Assert.Equal([1, 2], entries.Select(e => e.Version));
        Assert.Equal([at, at.AddMinutes(5)], entries.Select(e => e.At));
        Assert.Equal(["sam", "ana"], entries.Select(e => e.Actor.UserId));
        Assert.Equal(["created this (phone intake)", "assigned this to Priya"], entries.Select(e => e.Action));
        // Shown as written in every language: the web tier's "AsWritten" template is just its argument.
        Assert.All(entries, e => Assert.Equal("AsWritten", e.Said.Key));
        Assert.Equal("assigned this to Priya", Assert.Single(entries[1].Said.Args));
        Assert.Equal("she lives next door", entries[1].Reason);
        Assert.Null(entries[1].ReasonSaid);
    }
}

/// <summary>The shape an audit entry had before phrases: the same ids, the action as text in field 3.</summary>
[GenerateSerializer, Alias("MutualAid.Grains.Tests.Storage.OldAuditEntry")]
public sealed record OldAuditEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Actor Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string? Reason);
