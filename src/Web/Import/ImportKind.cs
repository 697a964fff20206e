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

    /// <summary>What each row is that the hub may already have (a person, a request), to be in the file once and not added twice.</summary>
    RowIdentity Identity { get; }
}

/// <summary>What tells one row from another across files: nothing, a person's phone and email, or a request's reference.</summary>
public enum RowIdentity
{
    None,
    Person,
    Request,
}

/// <summary>A cell that tells one row from another (a phone, an email, a reference), with the key it matches by.</summary>
public sealed record RowKey(string Field, string Value, string Key)
{
    /// <summary>The key of a request's reference code, as a row gives it and as the board has it.</summary>
    public static string OfReference(string reference) => "ref:" + reference.Trim().ToUpperInvariant();

    /// <summary>
    /// The id the hub's own export writes beside each volunteer, with the name beside it: someone who
    /// joined by link with no phone or email is known by the two when the sheet comes back. A row
    /// copied over with another person's name is that other person, not one already there; anything
    /// else in the column (a sheet's own row numbers) identifies nobody.
    /// </summary>
    public static IReadOnlyList<RowKey> OfVolunteer(string? id, string name) =>
        Guid.TryParse(id, out var volunteer) ? [new("VolunteerId", id!, OfVolunteer(volunteer, name))] : [];

    /// <summary>The key of a volunteer the hub has, as <see cref="OfVolunteer(string?, string)"/> reads it from a row.</summary>
    public static string OfVolunteer(Guid id, string name) => "vol:" + id.ToString("N") + "|" + Text.Plain(name);

    /// <summary>
    /// An email identifies a person on its own: the same email with another phone (or none) is still
    /// the same person. A phone does only with the name beside it: a household shares a landline or a
    /// phone, and two of its people volunteering are two volunteers, not one twice. Keys build on those
    /// the app matches contacts by.
    /// </summary>
    public static IReadOnlyList<RowKey> OfPerson(ContactDetails? contact)
    {
        if (contact is null) return [];
        var keys = new List<RowKey>(2);
        if (new ContactDetails("-", contact.Phone, null, null).MatchKey() is { } phone)
        {
            keys.Add(new("Phone", contact.Phone!, phone + "|" + Text.Plain(contact.Name)));
        }

        if (new ContactDetails("-", null, contact.Email, null).MatchKey() is { } email) keys.Add(new("Email", contact.Email!, email));
        return keys;
    }
}

/// <summary>
/// <paramref name="build"/> turns a row into the domain command plus its field errors (the same
/// validation the grains apply); <paramref name="create"/> sends it to a fresh grain.
/// </summary>
public sealed class ImportKind<T>(
    string name,
    IReadOnlyList<CsvField> fields,
    Func<RowValues, string, Actor, (T? Item, IReadOnlyList<FieldError> Errors)> build,
    Func<IGrainFactory, Guid, T, Task<ResultStatus>> create,
    RowIdentity identity = RowIdentity.None,
    Func<RowValues, T, IReadOnlyList<RowKey>>? keys = null) : IImportKind
{
    public string Name => name;

    public IReadOnlyList<CsvField> Fields => fields;

    public RowIdentity Identity => identity;

    /// <summary>The cells that identify what a row is (none for a kind whose rows have no identity).</summary>
    public IReadOnlyList<RowKey> Keys(RowValues row, T item) => keys?.Invoke(row, item) ?? [];

    public (T? Item, IReadOnlyList<FieldError> Errors) Build(RowValues row, string hub, Actor actor) => build(row, hub, actor);

    public Task<ResultStatus> Create(IGrainFactory grains, Guid id, T item) => create(grains, id, item);
}
