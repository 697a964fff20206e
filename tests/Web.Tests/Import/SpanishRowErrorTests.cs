using static MutualAid.Web.Tests.Localization.Localized;

namespace MutualAid.Web.Tests.Import;

/// <summary>The import's own row errors (not only the grains' field errors) read in the reader's language.</summary>
public sealed class SpanishRowErrorTests
{
    private static readonly Actor Importer = new("import-test", "Import test");

    [Fact]
    public async Task A_file_without_a_required_column_says_so_in_spanish_to_a_spanish_reader()
    {
        var table = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("Category,Area,ContactName,Phone\nFood,Mill Lane,Jo,07700 900001\n")));

        var plan = CsvImporter.Plan(ImportKinds.Requests, table, CsvImporter.AutoMap(ImportKinds.Requests, table.Headers), "any-hub", Importer);

        var error = Assert.Single(plan.Errors);
        Assert.Equal((1, "Need"), (error.Line, error.Field));
        Assert.Equal(Reason.NoColumnChosen.Key(), error.Said?.Key);
        Assert.Equal("No column is chosen for Need.", error.Message);
        Assert.Equal("No se ha elegido ninguna columna para Need.", In("es", () => Words.Say(error.Said!)));
    }

    [Fact]
    public void A_row_the_hub_did_not_take_names_why_in_spanish_words()
    {
        var error = RowError.Of(7, "", Reason.NotImported, ResultStatus.Conflict);

        Assert.Equal("Not imported (changed meanwhile).", In("en", () => Words.Say(error.Said!)));
        Assert.Equal("No importada (cambiada entretanto).", In("es", () => Words.Say(error.Said!)));
    }

    [Fact]
    public async Task A_choice_the_sheet_got_wrong_lists_the_right_ones_in_the_readers_words()
    {
        var requests = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("Necesidad;Categoría;Urgencia;Zona;Nombre;Telefono\nPan;Compras;Urgentísima;Centro;Mateo;600 000 002\n")));
        var requestMap = CsvImporter.AutoMap(ImportKinds.Requests, requests.Headers);

        var error = Assert.Single(CsvImporter.Plan(ImportKinds.Requests, requests, requestMap, "any-hub", Importer).Errors, e => e.Field == "Urgency");

        Assert.Equal("'Urgentísima' is not one of Critical, High, Normal, Low.", error.Message);
        Assert.Equal("'Urgentísima' no es uno de Crítica, Alta, Normal, Baja.", In("es", () => Words.Say(error.Said!)));
    }

    [Fact]
    public async Task A_spanish_sheet_answering_si_is_read_as_yes_not_refused_as_not_si_or_no()
    {
        var table = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("Nombre;Coche\nLucía;Sí\nMateo;si\nAna;No\n")));
        var mapping = new Dictionary<string, int?>(CsvImporter.AutoMap(ImportKinds.Volunteers, table.Headers)) { ["Name"] = 0, ["Vehicle"] = 1 };

        var plan = CsvImporter.Plan(ImportKinds.Volunteers, table, mapping, "any-hub", Importer);

        Assert.Empty(plan.Errors.Select(e => $"{e.Line} {e.Field}: {In("es", () => Words.Say(e.Said!))}"));
        Assert.Equal([true, true, false], plan.Items.Select(i => i.Item.HasVehicle));
    }

    [Fact]
    public async Task A_sheet_kept_in_spanish_has_its_columns_found_and_its_categories_read_whatever_the_readers_language()
    {
        var words = ImportWords.From(Words, [typeof(RequestCategory), typeof(Urgency), typeof(OfferKind)]);
        var volunteers = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("Nombre;Teléfono;Correo electrónico;Ayuda con;Vehículo\nLucía;600 000 001;lucia@example.org;Comida | Transporte;Sí\n")));
        var requests = await CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("Necesidad;Categoría;Urgencia;Zona;Nombre;Telefono\nPan;Compras;Crítica;Centro;Mateo;600 000 002\n")));

        var volunteerMap = CsvImporter.AutoMap(ImportKinds.Volunteers, volunteers.Headers);
        var requestMap = CsvImporter.AutoMap(ImportKinds.Requests, requests.Headers);
        Assert.Equal([0, 1, 2, 3, 4], new[] { "Name", "Phone", "Email", "HelpsWith", "Vehicle" }.Select(f => volunteerMap[f]));
        Assert.Equal([0, 1, 2, 3, 4, 5], new[] { "Need", "Category", "Urgency", "Area", "ContactName", "Phone" }.Select(f => requestMap[f]));
        var people = In("en", () => CsvImporter.Plan(ImportKinds.Volunteers, words.Apply(volunteers, ImportKinds.Volunteers, volunteerMap), volunteerMap, "any-hub", Importer));
        var asked = In("en", () => CsvImporter.Plan(ImportKinds.Requests, words.Apply(requests, ImportKinds.Requests, requestMap), requestMap, "any-hub", Importer));

        Assert.Empty(people.Errors.Select(e => $"{e.Line} {e.Field}: {e.Message}"));
        Assert.Empty(asked.Errors.Select(e => $"{e.Line} {e.Field}: {e.Message}"));
        Assert.Equal([RequestCategory.Food, RequestCategory.Transport], Assert.Single(people.Items).Item.CanHelpWith);
        var request = Assert.Single(asked.Items).Item;
        Assert.Equal((RequestCategory.Groceries, Urgency.Critical), (request.Category, request.Urgency));
        // Left untranslated, the same sheet is refused: what the words do is what lets it in.
        Assert.NotEmpty(CsvImporter.Plan(ImportKinds.Requests, requests, requestMap, "any-hub", Importer).Errors);
    }
}
