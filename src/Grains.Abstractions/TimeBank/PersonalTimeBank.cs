namespace MutualAid.TimeBank;

/// <summary>Hours one person gave and received at one hub in one week (weeks start on Monday, UTC).</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.TimeBankLine")]
public sealed record TimeBankLine(
    [property: Id(0)] string Hub,
    [property: Id(1)] DateOnly WeekStarting,
    [property: Id(2)] double Given,
    [property: Id(3)] double Received);

/// <summary>
/// PRIVATE: one person's reciprocal time bank across the hubs of one region (or one hub in no
/// region): hours they gave as a volunteer, hours they received on requests they asked for that were
/// delivered, and transfers. For the person and their hubs' coordinators only.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.PersonalTimeBank")]
public sealed record PersonalTimeBank(
    [property: Id(0)] Guid Person,
    [property: Id(1)] string Scope,
    [property: Id(2)] double Given,
    [property: Id(3)] double Received,
    [property: Id(4)] double TransferredIn,
    [property: Id(5)] double TransferredOut,
    [property: Id(6)] IReadOnlyList<TimeBankLine> Lines,
    [property: Id(7)] IReadOnlyList<HoursTransfer> Transfers)
{
    /// <summary>What the person gave (and was given by transfer) minus what they received (and passed on).</summary>
    public double Balance => Given + TransferredIn - Received - TransferredOut;
}
