namespace MutualAid.TimeBank;

/// <summary>
/// The time bank of one region (key: the region's slug, or <see cref="HubScope"/> for a hub in no
/// region): hours given and received count together across its hubs, and its transfers live here.
/// It reads volunteers, hubs and requests; none of them calls it, so no call can come back round.
/// </summary>
[Alias("MutualAid.ITimeBankGrain")]
public interface ITimeBankGrain : IGrainWithStringKey
{
    /// <summary>The grain key for a hub that belongs to no region.</summary>
    public static string HubScope(string hub) => "hub~" + hub;

    /// <summary>The hub a <see cref="HubScope"/> scope is of; null for a region's scope.</summary>
    public static string? HubOfScope(string scope) => scope.StartsWith("hub~", StringComparison.Ordinal) ? scope[4..] : null;

    /// <summary>One person's statement over the scope's hubs, the last <paramref name="weeks"/> weeks by hub; null when there is no such volunteer.</summary>
    [Alias("Statement")] Task<PersonalTimeBank?> Statement(Guid person, int weeks);

    /// <summary>Records a transfer between two people of the scope; a transfer already recorded answers as it was.</summary>
    [Alias("Transfer")] Task<Result<HoursTransfer>> Transfer(HoursTransfer transfer);
}
