namespace MutualAid.Sms;

/// <summary>
/// Whether a phone said STOP. Keyed by the phone's match key (<see cref="ContactDetails.MatchKey"/>),
/// so "+1 555 0100" and "5550100" are one record. The SMS channel asks before every send.
/// </summary>
[Alias("MutualAid.ISmsOptOutGrain")]
public interface ISmsOptOutGrain : IGrainWithStringKey
{
    [Alias("OptOut")] Task OptOut();

    [Alias("OptIn")] Task OptIn();

    [Alias("IsStopped"), ReadOnly] Task<bool> IsStopped();

    /// <summary>The grain for a phone number, or null when it has too few digits to be one.</summary>
    static string? Key(string? phone) => new ContactDetails("-", phone, null, null).MatchKey();
}
