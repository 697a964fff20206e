namespace MutualAid.Presence;

/// <summary>
/// Who is on a hub's board and who is dispatching what (key: hub slug). Lives in a grain, not in
/// a web process, so every front-end of a cluster sees the same people. Entries are soft: a
/// viewer that stops sending heartbeats disappears after <see cref="Expiry"/>, which is how a
/// closed laptop releases its "being dispatched by" mark. It never blocks a command; the request
/// grain's version check is what makes double assignment impossible.
/// </summary>
[Alias("MutualAid.IPresenceGrain")]
public interface IPresenceGrain : IGrainWithStringKey
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>Adds or refreshes a viewer; send every few seconds while the board is open.</summary>
    [Alias("Heartbeat")] Task<PresenceSnapshot> Heartbeat(Viewer viewer);

    [Alias("Leave")] Task Leave(string viewerId);

    [Alias("GetSnapshot")] Task<PresenceSnapshot> GetSnapshot();
}
