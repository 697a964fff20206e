using MutualAid.Common;

namespace MutualAid.Web.Import;

/// <summary>A file that cannot be read as a spreadsheet at all, with the reason as a phrase so the page says it in the reader's language.</summary>
public sealed class CsvReadException : Exception
{
    public CsvReadException(Phrase said)
        : base(said?.ToString()) => Said = said ?? throw new ArgumentNullException(nameof(said));

    public Phrase Said { get; }
}
