using MutualAid.Requests;

namespace MutualAid.Board;

/// <summary>The numbers a coordinator scans first, and the gap view (needs vs offers by category).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.BoardCounts")]
public sealed record BoardCounts(
    [property: Id(0)] IReadOnlyDictionary<RequestStatus, int> ByStatus,
    [property: Id(1)] IReadOnlyDictionary<RequestCategory, int> OpenNeedsByCategory,
    [property: Id(2)] IReadOnlyDictionary<RequestCategory, int> OpenOffersByCategory,
    [property: Id(3)] int UnassignedCritical,
    [property: Id(4)] int VolunteersOnDuty,
    [property: Id(5)] int FulfilledToday)
{
    /// <summary>Open requests past their hub's deadline for assignment.</summary>
    [Id(6)] public int Overdue { get; init; }

    /// <summary>
    /// Open requests by the hub's named area ("" for any other place), for the gap view by area.
    /// Id 30 up: named areas.
    /// </summary>
    [Id(30)] public IReadOnlyDictionary<string, int> OpenNeedsByArea { get; init; } = new Dictionary<string, int>();

    /// <summary>Open offers by the hub's named area ("" for any other place).</summary>
    [Id(31)] public IReadOnlyDictionary<string, int> OpenOffersByArea { get; init; } = new Dictionary<string, int>();

    public static BoardCounts Empty { get; } = new(
        new Dictionary<RequestStatus, int>(), new Dictionary<RequestCategory, int>(),
        new Dictionary<RequestCategory, int>(), 0, 0, 0);

    public int Count(RequestStatus status) => ByStatus.TryGetValue(status, out var n) ? n : 0;
}
