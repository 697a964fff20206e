using Xunit.Abstractions;

namespace MutualAid.Web.Tests.Import;

public sealed class CsvImportTests(TrustWorld world, ITestOutputHelper output) : IClassFixture<TrustWorld>
{
    private static readonly Actor Importer = new("import-test", "Import test");

    private static string VolunteerSheet(int rows, Func<int, string>? lineFor = null)
    {
        var text = new StringBuilder("Full name;Mobile;Helps with;Languages;Car;Max jobs;Hours a week\n");
        for (var i = 0; i < rows; i++)
        {
            // Line numbers as an editor shows them: the header is line 1, so data row i is line i + 2.
            text.Append(lineFor?.Invoke(i + 2) ?? $"Volunteer {i};07700 {i:000000};Food | Transport;English;{(i % 2 == 0 ? "yes" : "no")};3;10").Append('\n');
        }

        return text.ToString();
    }

    private static async Task<CsvTable> Table(string csv) => await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private async Task<BoardSnapshot> Board(string hub) => await world.Factory.Grains.GetGrain<IHubGrain>(hub).GetSnapshot();

    [Fact]
    public async Task Ten_thousand_rows_with_three_bad_ones_give_the_exact_errors_and_import_nothing_then_the_fixed_file_imports_all()
    {
        var hub = await Seed.Hub(world.Factory.Grains, world.R);
        var bad = new Dictionary<int, string>
        {
            [101] = ";07700 000101;Food;English;yes;3;10",
            [5002] = "Volunteer 5000;07700 005000;Food;English;yes;lots;10",
            [9999] = "Volunteer 9997;07700 009997;Dancing;English;maybe;3;10",
        };
        var table = await Table(VolunteerSheet(10_000, line => bad.GetValueOrDefault(line)!));
        var mapping = CsvImporter.AutoMap(ImportKinds.Volunteers, table.Headers);
        Assert.Equal(0, mapping["Name"]);
        Assert.Equal(4, mapping["Vehicle"]);

        var plan = CsvImporter.Plan(ImportKinds.Volunteers, table, mapping, hub, Importer);

        Assert.Empty(plan.Items);
        Assert.Equal(
        [
            new RowError(101, "Name", "Give the volunteer's name."),
            new RowError(5002, "MaxAssignments", "'lots' is not a whole number."),
            new RowError(9999, "HelpsWith", "'Dancing' is not one of Food, Groceries, Medicine, MedicalSupplies, Shelter, Transport, Childcare, Eldercare, EmotionalSupport, Legal, Utilities, Other."),
            new RowError(9999, "Vehicle", "'maybe' is not yes or no."),
        ], plan.Errors.Select(e => e with { Said = null }));
        Assert.Equal([Reason.GiveVolunteerName, Reason.NotWholeNumber, Reason.NotOneOf, Reason.NotYesOrNo],
            plan.Errors.Select(e => Enum.Parse<Reason>(e.Said!.Key["Reason.".Length..])));
        await Assert.ThrowsAsync<InvalidOperationException>(() => CsvImporter.Run(ImportKinds.Volunteers, plan, world.Factory.Grains));
        Assert.Empty((await Board(hub)).Volunteers);

        var fixedTable = await Table(VolunteerSheet(10_000));
        var fixedPlan = CsvImporter.Plan(ImportKinds.Volunteers, fixedTable, mapping, hub, Importer);
        Assert.Empty(fixedPlan.Errors);
        var reported = new List<int>();
        var clock = Stopwatch.StartNew();
        var outcome = await CsvImporter.Run(ImportKinds.Volunteers, fixedPlan, world.Factory.Grains, new SyncProgress(reported.Add));
        output.WriteLine($"10,000 volunteers imported in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(new ImportOutcome(10_000, 0, []), outcome with { Failed = [] });
        Assert.Empty(outcome.Failed);
        Assert.Equal(10_000, reported.Max());
        Assert.Equal(100, reported.Count);
        await Wait.Until(async () => (await Board(hub)).Volunteers.Count == 10_000, "the board shows every imported volunteer", seconds: 60);

        // The same file again (say the first run was cut short): nothing is created twice.
        var again = await CsvImporter.Run(ImportKinds.Volunteers, CsvImporter.Plan(ImportKinds.Volunteers, fixedTable, mapping, hub, Importer), world.Factory.Grains);
        Assert.Equal(0, again.Created);
        Assert.Equal(10_000, again.AlreadyThere);
    }

    [Fact]
    public async Task Exported_volunteers_import_into_another_hub_as_the_same_people()
    {
        var from = await Seed.Hub(world.Factory.Grains, world.R);
        var to = await Seed.Hub(world.Factory.Grains, world.R);
        var sheet = "Name,Phone,Email,HelpsWith,Languages,Vehicle,MaxAssignments,MaxHoursPerWeek,Skills\n"
            + "\"Ada, the driver\",+44 7700 900001,ada@example.org,Transport; Food,English; Polish,yes,2,12.5,First aid\n"
            + "=Bob,,,EmotionalSupport,Spanish,no,1,4,\n";
        var first = CsvImporter.Plan(ImportKinds.Volunteers, await Table(sheet), CsvImporter.AutoMap(ImportKinds.Volunteers, (await Table(sheet)).Headers), from, Importer);
        Assert.Empty(first.Errors);
        await CsvImporter.Run(ImportKinds.Volunteers, first, world.Factory.Grains);
        await Wait.Until(async () => (await Board(from)).Volunteers.Count == 2, "both volunteers on the first hub");

        using var coordinator = await CoordinatorOf(from);
        var exported = await coordinator.GetStringAsync(new Uri($"/hubs/{from}/export/volunteers.csv", UriKind.Relative));
        Assert.Contains("'=Bob", exported, StringComparison.Ordinal); // a formula in a cell is escaped, not run

        var table = await Table(exported);
        var plan = CsvImporter.Plan(ImportKinds.Volunteers, table, CsvImporter.AutoMap(ImportKinds.Volunteers, table.Headers), to, Importer);
        Assert.Empty(plan.Errors);
        await CsvImporter.Run(ImportKinds.Volunteers, plan, world.Factory.Grains);
        await Wait.Until(async () => (await Board(to)).Volunteers.Count == 2, "both volunteers on the second hub");

        Assert.Equal(await Profiles(from), await Profiles(to));
        Assert.Contains("=Bob", await Profiles(to), StringComparison.Ordinal);
        Assert.Contains("+44 7700 900001", await Profiles(to), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requests_export_carries_contact_details_only_for_people_who_may_see_them()
    {
        var request = await Seed.Request(world.Factory.Grains, world.A, phone: "07700 955" + Random.Shared.Next(100, 999));
        var phone = (await world.Factory.Grains.GetGrain<MutualAid.Requests.IRequestGrain>(request.Id).GetView())!.Contact.Phone!;
        foreach (var (role, seesPhone) in new[] { ("coordinator", true), ("dispatcher", true), ("volunteer", false), ("regional", false) })
        {
            using var client = await world.Client(role);
            var csv = await client.GetStringAsync(new Uri($"/hubs/{world.A}/export/requests.csv", UriKind.Relative));
            Assert.Contains(request.ReferenceCode, csv, StringComparison.Ordinal);
            Assert.Equal(seesPhone, csv.Contains(phone, StringComparison.Ordinal));
        }
    }

    private async Task<HttpClient> CoordinatorOf(string hub) =>
        await world.Factory.SignedIn(await world.Factory.User(new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, hub)));

    private async Task<string> Profiles(string hub)
    {
        var views = new List<string>();
        foreach (var v in (await Board(hub)).Volunteers)
        {
            var p = (await world.Factory.Grains.GetGrain<IVolunteerGrain>(v.Id).GetView())!.Profile;
            views.Add($"{p.Name}|{p.Contact?.Phone}|{p.Contact?.Email}|{string.Join(",", p.CanHelpWith)}|{string.Join(",", p.Languages)}|{p.HasVehicle}|{p.MaxConcurrentAssignments}|{p.MaxHoursPerWeek}|{string.Join(",", p.Skills)}");
        }

        return string.Join("\n", views.Order(StringComparer.Ordinal));
    }

    /// <summary>Reports on the caller's thread, so the test sees every report before Run returns.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (this) report(value);
        }
    }
}
