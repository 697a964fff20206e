using CsvHelper;

namespace MutualAid.Web.Csv;

/// <summary>One data row of a spreadsheet, with the line it started on (as the person sees it in their editor).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>A spreadsheet read whole: its header and rows. Parsing is CsvHelper's (quotes, embedded newlines, BOM).</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows)
{
    public const int MaxRows = 50_000;

    public static async Task<CsvTable> Read(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // The separator is detected (commas, semicolons from European spreadsheets, tabs); line
        // numbers count every line, so they match what the person sees in their editor.
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        await using var csv = CsvReader.Create(stream, options, true);
        var rows = new List<CsvRow>();
        while (await csv.ReadAsync(cancellationToken))
        {
            if (rows.Count == MaxRows) throw new InvalidDataException($"More than {MaxRows:N0} rows: split the file.");
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow((int)csv.LineNumber, cells));
        }

        var headers = csv.Headers.ToArray();
        if (headers.Length == 0) throw new InvalidDataException("The first line must name the columns.");
        return new CsvTable(headers, rows);
    }
}
