namespace MutualAid.Web.Tests.Import;

/// <summary>What a hub's requests download says of who holds each job.</summary>
public sealed class RequestsExportTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    [Fact]
    public async Task A_pairs_row_names_both_volunteers_holding_it()
    {
        var grains = world.Factory.Grains;
        var (ines, jonas) = (await Seed.Volunteer(grains, world.A, "Ines Export"), await Seed.Volunteer(grains, world.A, "Jonas Export"));
        var grain = grains.GetGrain<IRequestGrain>(Guid.NewGuid());
        var created = await grain.Create(new NewRequest(world.A, RequestCategory.Food, Urgency.Normal, "Elm Street", "Moving a wardrobe",
            new ContactDetails("Maria Lopez", "07700 900124", null, "12 Elm Street"), RequestSource.PhoneIntake, Seed.Sam)
        { NeedsTwo = true });
        var first = await grain.Assign(new AssignCommand(created.Value!.Version, Seed.Sam, ines));
        var both = await grain.Assign(new AssignCommand(first.Value!.Version, Seed.Sam, jonas));
        Assert.True(both.IsOk, both.Message);
        await Wait.Until(async () => (await grains.GetGrain<MutualAid.Hubs.IHubGrain>(world.A).GetSnapshot()).Requests.Any(r => r.Id == created.Value.Id && r.Held == 2), "the board to hold the pair");

        using var coordinator = await world.Client("coordinator");
        var export = await coordinator.GetStringAsync(new Uri($"/hubs/{world.A}/export/requests.csv", UriKind.Relative));

        var row = Assert.Single(export.Split('\n'), line => line.StartsWith(both.Value!.ReferenceCode, StringComparison.Ordinal));
        Assert.Contains("Ines Export & Jonas Export", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_starts_with_the_utf8_mark_so_a_spreadsheet_reads_accents_right()
    {
        await Seed.Volunteer(world.Factory.Grains, world.A, "Lucía Núñez");
        using var coordinator = await world.Client("coordinator");

        var bytes = await coordinator.GetByteArrayAsync(new Uri($"/hubs/{world.A}/export/volunteers.csv", UriKind.Relative));

        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Contains("Lucía Núñez", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
