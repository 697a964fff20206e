using MutualAid.Common;

namespace MutualAid.Web.Import;

/// <summary>The cells of one row, looked up by field through the chosen column mapping.</summary>
public sealed class RowValues(CsvRow row, IReadOnlyDictionary<string, int?> mapping)
{
    public int Line => row.Line;

    public string? this[string field] =>
        mapping.TryGetValue(field, out var column) && column is { } c && c < row.Cells.Count && Unescape(row.Cells[c].Trim()) is { Length: > 0 } text ? text : null;

    /// <summary>Our exports put ' before a cell that a spreadsheet would run as a formula (+44…, =…); that mark is not data.</summary>
    private static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;
}

/// <summary>What one kind of import (volunteers, offers, requests) reads and how it creates each row.</summary>
public interface IImportKind
{
    string Name { get; }

    IReadOnlyList<CsvField> Fields { get; }
}

/// <summary>
/// <paramref name="build"/> turns a row into the domain command plus its field errors (the same
/// validation the grains apply); <paramref name="create"/> sends it to a fresh grain.
/// </summary>
public sealed class ImportKind<T>(
    string name,
    IReadOnlyList<CsvField> fields,
    Func<RowValues, string, Actor, (T? Item, IReadOnlyList<FieldError> Errors)> build,
    Func<IGrainFactory, Guid, T, Task<ResultStatus>> create) : IImportKind
{
    public string Name => name;

    public IReadOnlyList<CsvField> Fields => fields;

    public (T? Item, IReadOnlyList<FieldError> Errors) Build(RowValues row, string hub, Actor actor) => build(row, hub, actor);

    public Task<ResultStatus> Create(IGrainFactory grains, Guid id, T item) => create(grains, id, item);
}
