namespace MutualAid.Requests;

/// <summary>
/// A volunteer's names (their profile's and their accounts') and the accounts they acted by, read
/// before the volunteer is erased, so a request they worked on can take them out of its history.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ForgetVolunteer")]
public sealed record ForgetVolunteer(
    [property: Id(0)] Guid VolunteerId,
    [property: Id(1)] IReadOnlyList<string> Names,
    [property: Id(2)] IReadOnlyList<string> AccountIds,
    [property: Id(3)] Actor Actor);
