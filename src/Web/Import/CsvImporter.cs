using System.Security.Cryptography;
using System.Text;
using MutualAid.Common;

namespace MutualAid.Web.Import;

/// <summary>A problem with one row, located the way the person will look for it.</summary>
public sealed record RowError(int Line, string Field, string Message)
{
    /// <summary>The message as a phrase when the check gave one, so the page says it in the reader's language.</summary>
    public Phrase? Said { get; init; }

    public static RowError Of(int line, string field, Reason reason, params object[] args)
    {
        var said = reason.Say(args);
        return new RowError(line, field, said.ToString()) { Said = said };
    }
}

/// <summary>Every row checked; imported only when <see cref="Errors"/> is empty.</summary>
public sealed record ImportPlan<T>(IReadOnlyList<(int Line, Guid Id, T Item)> Items, IReadOnlyList<RowError> Errors)
{
    /// <summary>Rows that are people the hub already has, left out of <see cref="Items"/>.</summary>
    public int AlreadyThere { get; init; }
}

/// <summary>How an import ended: rows created now, rows already there from an earlier run of the same file.</summary>
public sealed record ImportOutcome(int Created, int AlreadyThere, IReadOnlyList<RowError> Failed);

/// <summary>
/// Imports a spreadsheet all or nothing: every row is checked first (with the grains' own
/// validation) and nothing is created unless every row passes. Each row gets an id derived from
/// the hub, the file's content and its line, so running the same file again (say after a crash
/// half-way) creates only what is missing, never a second copy. Rows that are people are also
/// matched (see <see cref="RowKey.OfPerson"/>), and requests by their reference: one twice in a file is an error,
/// and one the hub already has (say from its own export, edited and loaded again) is left as it is.
/// </summary>
public static class CsvImporter
{
    public static IReadOnlyDictionary<string, int?> AutoMap(IImportKind kind, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(headers);
        return kind.Fields.ToDictionary(f => f.Name, f =>
        {
            var index = headers.ToList().FindIndex(f.Matches);
            return index < 0 ? (int?)null : index;
        });
    }

    /// <param name="onHub">The keys (<see cref="RowKey.Key"/>) of the people or requests the hub already has.</param>
    public static ImportPlan<T> Plan<T>(ImportKind<T> kind, CsvTable table, IReadOnlyDictionary<string, int?> mapping, string hub, Actor actor, IReadOnlySet<string>? onHub = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mapping);
        var errors = new List<RowError>();
        foreach (var field in kind.Fields.Where(f => f.Required && mapping.GetValueOrDefault(f.Name) is null))
        {
            errors.Add(RowError.Of(1, field.Name, Reason.NoColumnChosen, field.Name));
        }

        if (errors.Count > 0) return new ImportPlan<T>([], errors);
        var fileKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', table.Rows.Select(r => string.Join('\u001f', r.Cells))))));
        var items = new List<(int, Guid, T)>(table.Rows.Count);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var alreadyThere = 0;
        foreach (var row in table.Rows)
        {
            var values = new RowValues(row, mapping);
            var (item, rowErrors) = kind.Build(values, hub, actor);
            if (rowErrors.Count > 0)
            {
                // One column can be checked twice under two names (a volunteer's name is also their
                // contact's name), so one NUL in it gave the same error twice.
                errors.AddRange(rowErrors.Select(e => new RowError(row.Line, Column(kind, e.Field), e.Message) { Said = e.Said }).DistinctBy(e => (e.Field, e.Message)));
                continue;
            }

            var keys = kind.Keys(values, item!);
            var twice = false;
            foreach (var key in keys)
            {
                if (firstLine.TryGetValue(key.Key, out var first))
                {
                    errors.Add(RowError.Of(row.Line, key.Field, kind.Identity == RowIdentity.Request ? Reason.SameRequestAsLine : Reason.SamePersonAsLine, key.Value, first));
                    twice = true;
                }
                else
                {
                    firstLine[key.Key] = row.Line;
                }
            }

            if (twice) continue;
            if (onHub is not null && keys.Any(k => onHub.Contains(k.Key))) alreadyThere++;
            else items.Add((row.Line, RowId(hub, fileKey, row.Line), item!));
        }

        return errors.Count > 0 ? new ImportPlan<T>([], errors) : new ImportPlan<T>(items, []) { AlreadyThere = alreadyThere };
    }

    public static async Task<ImportOutcome> Run<T>(ImportKind<T> kind, ImportPlan<T> plan, IGrainFactory grains, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Errors.Count > 0) throw new InvalidOperationException("A plan with errors is never imported.");
        int created = 0, already = 0, done = 0;
        var failed = new System.Collections.Concurrent.ConcurrentBag<RowError>();
        await Parallel.ForEachAsync(plan.Items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (row, _) =>
        {
            var status = await kind.Create(grains, row.Id, row.Item);
            switch (status)
            {
                case ResultStatus.Ok: Interlocked.Increment(ref created); break;
                case ResultStatus.Refused: Interlocked.Increment(ref already); break; // created by an earlier run of this file
                default: failed.Add(RowError.Of(row.Line, "", Reason.NotImported, status)); break;
            }

            var n = Interlocked.Increment(ref done);
            if (n % 100 == 0 || n == plan.Items.Count) progress?.Report(n);
        });
        return new ImportOutcome(created, already + plan.AlreadyThere, failed.OrderBy(e => e.Line).ToArray());
    }

    /// <summary>
    /// The sheet's column a command's field came from, so an error names what the reader can find in
    /// their file ("Contact.Name" of a volunteer is their Name column); a field with no column of its
    /// own keeps its name.
    /// </summary>
    public static string Column(IImportKind kind, string field)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(field);
        var column = Renamed.GetValueOrDefault(field, field);
        if (kind.Fields.Any(f => f.Name == column)) return column;
        if (column.StartsWith("Contact.", StringComparison.Ordinal))
        {
            var part = column["Contact.".Length..];
            foreach (var candidate in new[] { part, "Contact" + part })
            {
                if (kind.Fields.Any(f => f.Name == candidate)) return candidate;
            }
        }

        return field;
    }

    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["CanHelpWith"] = "HelpsWith",
        ["MaxConcurrentAssignments"] = "MaxAssignments",
        ["PreferredLanguage"] = "Language",
    };

    private static Guid RowId(string hub, string fileKey, int line) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{hub}\n{fileKey}\n{line}")).AsSpan(0, 16));
}
