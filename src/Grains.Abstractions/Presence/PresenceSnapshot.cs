namespace MutualAid.Presence;

[GenerateSerializer, Immutable, Alias("MutualAid.PresenceSnapshot")]
public sealed record PresenceSnapshot(
    [property: Id(0)] string HubSlug,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<Viewer> Viewers)
{
    /// <summary>Who else has this request open for dispatch (excluding the asking viewer).</summary>
    public IReadOnlyList<Viewer> DispatchersOf(Guid requestId, string? exceptViewerId = null) =>
        Viewers.Where(v => v.Dispatching == requestId && v.ViewerId != exceptViewerId).ToArray();

    /// <summary>Distinct people looking at the board (one person may have several tabs).</summary>
    public IReadOnlyList<string> People => Viewers.Select(v => v.DisplayName).Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ToArray();
}
