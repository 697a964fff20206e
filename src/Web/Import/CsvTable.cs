using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MutualAid.Common;

namespace MutualAid.Web.Import;

/// <summary>One data row of a spreadsheet, with the line it started on (as the person sees it in their editor).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>A spreadsheet read whole: its header and rows. Parsing is CsvHelper's (quotes, embedded newlines, BOM).</summary>
public sealed record CsvTable(IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows)
{
    public const int MaxRows = 50_000;

    public static async Task<CsvTable> Read(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await ReadAll(stream, cancellationToken);
        RequireUtf8(bytes);
        // The separator is detected (commas, semicolons from European spreadsheets, tabs); line
        // numbers count every line, so they match what the person sees in their editor.
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        await using var csv = CsvReader.Create(bytes, options);
        var rows = new List<CsvRow>();
        while (await csv.ReadAsync(cancellationToken))
        {
            if (rows.Count == MaxRows) throw new CsvReadException(Phrase.Of("CsvTooManyRows", "More than {0:N0} rows: split the file.", MaxRows));
            var cells = new string[csv.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow((int)csv.LineNumber, cells));
        }

        var headers = csv.Headers.ToArray();
        if (headers.Length == 0) throw new CsvReadException(Phrase.Of("CsvNoHeader", "The first line must name the columns."));
        return new CsvTable(headers, rows);
    }

    private static async Task<byte[]> ReadAll(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>
    /// A byte that is not UTF-8 would otherwise become U+FFFD without a word, and the import would
    /// store "Jos\uFFFD" for José: say which line to fix instead (as the person's editor counts lines).
    /// A file that announces UTF-16 or UTF-32 with a byte order mark is decoded as that.
    /// </summary>
    private static void RequireUtf8(byte[] bytes)
    {
        ReadOnlySpan<byte> text = bytes;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || text.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return;
        if (Utf8.IsValid(text)) return;
        var at = 0;
        while (at < text.Length && Rune.DecodeFromUtf8(text[at..], out _, out var used) == System.Buffers.OperationStatus.Done) at += used;
        var line = 1 + text[..at].Count((byte)'\n');
        throw new CsvReadException(Phrase.Of("CsvNotUtf8", "Line {0} is not valid UTF-8: save the file as \"CSV UTF-8\" and upload it again.", line));
    }
}
