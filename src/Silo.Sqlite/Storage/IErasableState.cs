namespace MutualAid.Silo.Sqlite.Storage;

/// <summary>
/// Grain state whose next write removes personal data. A store that keeps old row versions (freed
/// pages, a write-ahead log) leaves no earlier copy behind after such a write, instead of keeping
/// it until some later checkpoint happens to overwrite it. Never persisted: it asks for one write.
/// </summary>
public interface IErasableState
{
    bool ScrubOnNextWrite { get; set; }
}
