using System.Globalization;
using Microsoft.Extensions.Localization;
using MutualAid.Web.Localization;

namespace MutualAid.Web.Import;

/// <summary>
/// The words a sheet may use for a fixed choice (a category, an urgency, a kind of offer): the
/// choice's own name, or its word in any language the app speaks, as the app shows it. A network
/// that works in Spanish keeps "Comida" in its sheet, not "Food".
/// </summary>
public sealed class ImportWords
{
    /// <summary>
    /// What separates the items of a list cell. The profile form asks for lists with commas, so a
    /// sheet does too; a comma inside a cell is unambiguous because CsvHelper has already read the
    /// quotes that let a comma-separated file hold one, and no choice's word contains a comma.
    /// </summary>
    public static readonly char[] ListSeparators = [';', '|', ','];

    private readonly Dictionary<(Type Choices, string Word), string> names = [];

    private ImportWords()
    {
    }

    /// <summary>Reads each choice's word in every supported language from the interface's own texts.</summary>
    public static ImportWords From(IStringLocalizer<UiText> text, IEnumerable<Type> choices)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new ImportWords();
        var was = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in Languages.Supported.Keys)
            {
                CultureInfo.CurrentUICulture = Languages.Culture(culture);
                foreach (var type in choices.Distinct())
                {
                    foreach (var name in Enum.GetNames(type))
                    {
                        var said = text[$"{type.Name}.{name}"];
                        if (!said.ResourceNotFound) words.names.TryAdd((type, CsvField.Normalise(said.Value)), name);
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = was;
        }

        return words;
    }

    /// <summary>The table with every choice cell (or list item, "Comida, Transporte") written as the choice's name; other cells as they are.</summary>
    public CsvTable Apply(CsvTable table, IImportKind kind, IReadOnlyDictionary<string, int?> mapping)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(mapping);
        var columns = kind.Fields.Where(f => f.Choices is not null && mapping.GetValueOrDefault(f.Name) is not null)
            .ToDictionary(f => mapping[f.Name]!.Value, f => f.Choices!);
        if (columns.Count == 0) return table;
        return table with
        {
            Rows = [.. table.Rows.Select(row => row with
            {
                Cells = [.. row.Cells.Select((cell, i) => columns.TryGetValue(i, out var type) ? Read(type, cell) : cell)],
            })],
        };
    }

    private string Read(Type choices, string cell)
    {
        string One(string item) => names.TryGetValue((choices, CsvField.Normalise(item)), out var name) ? name : item.Trim();
        return cell.IndexOfAny(ListSeparators) < 0
            ? One(cell)
            : string.Join("; ", cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(One));
    }
}
