using MutualAid.Board;
using MutualAid.Offers;
using MutualAid.Requests;
using MutualAid.Volunteers;

namespace MutualAid.Micro;

/// <summary>Realistic board contents: summaries filled the way the request grain fills them.</summary>
internal static class SampleBoard
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static RequestSummary Request(int i, int version = 1) =>
        new(Guid.NewGuid(), version, "riverside", RequestStatus.Triaged, (RequestCategory)(i % 5), (Urgency)(i % 4),
            $"Riverside ward {i % 12}", "Food parcel for a family of four, two children, no pork", RequestSource.PhoneIntake,
            Start.AddMinutes(i), Start.AddMinutes(i + 3), "Sam Coordinator")
        {
            ReferenceCode = $"RV-{i:00000}",
            PreferredLanguage = "English",
            AssignBy = Start.AddMinutes(i + 60),
        };

    public static VolunteerSummary Volunteer(int i) => new(
        Guid.NewGuid(), 1, $"Volunteer {i}", ["riverside"], [RequestCategory.Food, RequestCategory.Transport], ["English"], true, true, i % 3, 3, 6.5, 40);

    public static BoardSnapshot Board(int openRequests) => new(
        "riverside", "Riverside", "east", 100,
        BoardApplier.Order(Enumerable.Range(0, openRequests).Select(i => Request(i))),
        BoardApplier.OrderVolunteers(Enumerable.Range(0, 20).Select(Volunteer)),
        [],
        Counts());

    public static BoardCounts Counts() => new(
        new Dictionary<RequestStatus, int> { [RequestStatus.New] = 4, [RequestStatus.Triaged] = 12, [RequestStatus.Assigned] = 7, [RequestStatus.Fulfilled] = 230 },
        new Dictionary<RequestCategory, int> { [RequestCategory.Food] = 9, [RequestCategory.Medicine] = 3, [RequestCategory.Transport] = 2 },
        new Dictionary<RequestCategory, int> { [RequestCategory.Food] = 2 },
        1, 14, 31);

    public static BoardDelta Delta(BoardSnapshot board, int changes) => new(
        board.HubSlug, board.Version + 1,
        board.Requests.Take(changes).Select(r => (BoardChange)new RequestUpserted(r with { Version = r.Version + 1, Status = RequestStatus.Assigned })).ToArray(),
        Counts());
}
