using static MutualAid.Web.Tests.Localization.Localized;

namespace MutualAid.Web.Tests.Import;

/// <summary>
/// Control characters are refused the same way by every entry (spreadsheet, JSON API, the grains
/// themselves); a file that is not UTF-8 is refused naming the line; only the apostrophe our export
/// added is taken off again.
/// </summary>
public sealed class CsvInputHygieneTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly Actor Importer = new("import-test", "Import test");

    private const string RequestsHeader = "Need,Category,Area,ContactName,Phone\n";

    private static async Task<CsvTable> Table(string csv) => await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    private static ImportPlan<NewRequest> PlanRequests(CsvTable table, string hub) =>
        CsvImporter.Plan(ImportKinds.Requests, table, CsvImporter.AutoMap(ImportKinds.Requests, table.Headers), hub, Importer);

    [Fact]
    public async Task A_spreadsheet_with_a_NUL_or_a_BEL_in_a_cell_names_the_line_and_field_and_imports_nothing()
    {
        var hub = await Seed.Hub(world.Factory.Grains, world.R);
        var table = await Table(RequestsHeader
            + "Bread and milk,Food,Mill Lane,Jo,07700 900001\n"
            + "Nappies,Groceries,Mill Lane,Jo\0e,07700 900002\n"
            + "\"Two lines\nare fine in a need\",Food,Elm Street,Ann,07700 900003\n"
            + "Rice\a,Food,Elm Street,Ann,07700 900004\n");

        var plan = PlanRequests(table, hub);

        Assert.Empty(plan.Items);
        Assert.Equal([(3, "ContactName"), (6, "Need")], plan.Errors.Select(e => (e.Line, e.Field)));
        Assert.All(plan.Errors, e => Assert.Equal(Reason.BadCharacters.Key(), e.Said?.Key));
        Assert.Contains("caracteres de control", In("es", () => Words.Say(plan.Errors[0].Said!)), StringComparison.Ordinal);
        Assert.Empty((await world.Factory.Grains.GetGrain<IHubGrain>(hub).GetSnapshot()).Requests);
    }

    [Fact]
    public async Task An_invalid_UTF8_byte_on_line_3_is_an_error_naming_line_3_in_the_readers_language_and_nothing_is_read()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(RequestsHeader + "Bread,Food,Mill Lane,José,07700 900001\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("Rice,Food,Mill Lane,Jos"));
        bytes.Add(0xE9); // "é" as Windows-1252 writes it: not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(",07700 900002\nMilk,Food,Elm Street,Ann,07700 900003\n"));

        var error = await Assert.ThrowsAsync<CsvReadException>(() => CsvTable.Read(new MemoryStream([.. bytes])));

        Assert.Equal("CsvNotUtf8", error.Said.Key);
        Assert.StartsWith("Line 3 is not valid UTF-8", In("en", () => Words.Say(error.Said)), StringComparison.Ordinal);
        Assert.StartsWith("La línea 3 no es UTF-8 válido", In("es", () => Words.Say(error.Said)), StringComparison.Ordinal);

        // The same file saved as UTF-8 reads, José and all.
        var fixedTable = await Table(RequestsHeader + "Bread,Food,Mill Lane,José,07700 900001\nRice,Food,Mill Lane,José,07700 900002\n");
        Assert.Equal("José", fixedTable.Rows[1].Cells[3]);
    }

    [Fact]
    public async Task A_JSON_API_create_with_a_BEL_in_a_field_is_refused_with_a_field_error_and_nothing_is_stored()
    {
        using var dispatcher = await world.Client("dispatcher");
        var id = Guid.NewGuid();
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/hubs/{world.A}/requests", UriKind.Relative))
        {
            Content = JsonContent.Create(new CreateRequestBody(RequestCategory.Food, Urgency.Normal, "Mill Lane", "Bread\u0007", new ContactBody("Jo", "07700 900001")) { Id = id }),
        };
        create.Headers.Add(ClientHeaderFilter.Header, "tests");

        using var response = await dispatcher.SendAsync(create);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.Equal(["need"], errors);
        Assert.Null(await world.Factory.Grains.GetGrain<IRequestGrain>(id).GetView());
    }

    [Fact]
    public async Task The_grains_refuse_control_characters_whichever_way_a_command_arrives_and_keep_line_breaks_where_a_field_has_lines()
    {
        var grains = world.Factory.Grains;
        NewRequest Request(string need, string name) =>
            new(world.A, RequestCategory.Food, Urgency.Normal, "Mill Lane", need, new ContactDetails(name, "07700 900001", null, null), RequestSource.Member, Importer);

        var nul = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Request("Bread", "Jo\0"));
        Assert.Equal(ResultStatus.Invalid, nul.Status);
        Assert.Equal("Contact.Name", Assert.Single(nul.Errors).Field);
        var newline = await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Request("Bread", "Jo\nAnn"));
        Assert.Equal(ResultStatus.Invalid, newline.Status); // a name is one line
        Assert.True((await grains.GetGrain<IRequestGrain>(Guid.NewGuid()).Create(Request("Bread\r\nand milk\tx2", "Jo"))).IsOk);

        var offer = await grains.GetGrain<MutualAid.Offers.IOfferGrain>(Guid.NewGuid()).Create(new MutualAid.Offers.NewOffer(world.A, MutualAid.Offers.OfferKind.Goods,
            RequestCategory.Food, "Rice", 5, "kg\u001b[31m", new ContactDetails("Jo", null, null, null), RequestSource.Member, Importer));
        Assert.Equal(ResultStatus.Invalid, offer.Status);
        Assert.Equal("Unit", Assert.Single(offer.Errors).Field);

        var volunteer = await grains.GetGrain<IVolunteerGrain>(Guid.NewGuid()).Register(
            new VolunteerProfile("Vee", [world.A], [RequestCategory.Food], ["English\0"], false, 3, 10), Importer);
        Assert.Equal(ResultStatus.Invalid, volunteer.Status);
        Assert.Equal("Languages", Assert.Single(volunteer.Errors).Field);
    }

    [Fact]
    public async Task Only_the_apostrophe_our_export_added_is_taken_off_on_import()
    {
        var from = await Seed.Hub(world.Factory.Grains, world.R);
        var to = await Seed.Hub(world.Factory.Grains, world.R);
        foreach (var name in new[] { "'Tis Jones", "=SUM(1)", "-Dash", "'Quoted" })
        {
            var registered = await world.Factory.Grains.GetGrain<IVolunteerGrain>(Guid.NewGuid()).Register(
                new VolunteerProfile(name, [from], [RequestCategory.Food], ["English"], false, 3, 10), Importer);
            Assert.True(registered.IsOk, registered.Message);
        }

        using var coordinator = await world.Factory.SignedIn(await world.Factory.User(new MutualAid.Accounts.RoleGrant(MutualAid.Accounts.Role.Coordinator, from)));
        await Wait.Until(async () => (await world.Factory.Grains.GetGrain<IHubGrain>(from).GetSnapshot()).Volunteers.Count == 4, "the volunteers are on the board");
        var exported = await coordinator.GetStringAsync(new Uri($"/hubs/{from}/export/volunteers.csv", UriKind.Relative));
        Assert.Contains("'=SUM(1)", exported, StringComparison.Ordinal);

        var table = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(exported)));
        var plan = CsvImporter.Plan(ImportKinds.Volunteers, table, CsvImporter.AutoMap(ImportKinds.Volunteers, table.Headers), to, Importer);
        Assert.Empty(plan.Errors);
        Assert.Equal(["'Quoted", "'Tis Jones", "-Dash", "=SUM(1)"], plan.Items.Select(i => i.Item.Name).Order(StringComparer.Ordinal));

        // A sheet someone typed, not our export: their own apostrophe stays.
        var typed = await Table(RequestsHeader + "'Tis the season,Food,Mill Lane,Jo,07700 900001\n");
        Assert.Equal("'Tis the season", Assert.Single(PlanRequests(typed, to).Items).Item.Need);
    }
}
