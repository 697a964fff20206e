namespace MutualAid.Volunteers;

/// <summary>How a job ended for the volunteer, as the request decided it.</summary>
[GenerateSerializer, Alias("MutualAid.JobEndKind")]
public enum JobEndKind
{
    /// <summary>Taken away, cancelled or erased: the time is theirs again.</summary>
    Released = 0,

    /// <summary>They let it go after seeing the contact details: counts against the hub's give-back limit.</summary>
    GivenBack = 1,

    /// <summary>Delivered: the time is theirs again and the hours are banked.</summary>
    Completed = 2,
}

/// <summary>
/// The end of a volunteer's job, written in the request's state with the change that ended it and
/// handed to the volunteer until they answer, so it must mean the same however often it arrives.
/// </summary>
/// <param name="ReservedAt">
/// The reservation it ends, as the volunteer answered it. A reservation made again since (the
/// request was given back to the same person) is newer and stays; null ends whatever is held.
/// </param>
/// <param name="Hours">Hours given, for <see cref="JobEndKind.Completed"/>.</param>
/// <param name="GiveBacksPerHour">The hub's give-back limit, for <see cref="JobEndKind.GivenBack"/>.</param>
[GenerateSerializer, Immutable, Alias("MutualAid.JobEnd")]
public sealed record JobEnd(
    [property: Id(0)] JobEndKind Kind,
    [property: Id(1)] DateTimeOffset? ReservedAt,
    [property: Id(2)] double Hours = 0,
    [property: Id(3)] int GiveBacksPerHour = 0)
{
    /// <summary>Whether <paramref name="reservation"/> is the one this ends (or an older one for the same request).</summary>
    public bool Ends(Reservation reservation, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return reservation.RequestId == requestId && (ReservedAt is not { } at || reservation.ReservedAt <= at);
    }
}
