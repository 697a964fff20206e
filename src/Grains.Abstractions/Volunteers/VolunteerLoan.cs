namespace MutualAid.Volunteers;

/// <summary>Where a request to borrow a volunteer stands: nothing changes until they agree.</summary>
public enum LoanAnswer
{
    Asked,
    Agreed,
    Declined,
}

/// <summary>
/// A coordinator of another hub of the region asked to borrow the volunteer for one day (UTC).
/// Agreed, the volunteer is on that hub's board for the day and can be assigned there; their own
/// limits hold across every hub, as the volunteer grain keeps them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VolunteerLoan")]
public sealed record VolunteerLoan(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string ToHub,
    [property: Id(2)] DateOnly Day,
    [property: Id(3)] Common.Actor AskedBy,
    [property: Id(4)] DateTimeOffset AskedAt,
    [property: Id(5)] LoanAnswer Answer);
