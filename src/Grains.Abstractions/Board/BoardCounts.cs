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

    public static BoardCounts Empty { get; } = new(
        new Dictionary<RequestStatus, int>(), new Dictionary<RequestCategory, int>(),
        new Dictionary<RequestCategory, int>(), 0, 0, 0);

    public int Count(RequestStatus status) => ByStatus.TryGetValue(status, out var n) ? n : 0;
}
