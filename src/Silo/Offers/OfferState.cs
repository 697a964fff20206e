using MutualAid.Offers;
using MutualAid.Requests;

namespace MutualAid.Silo.Offers;

[GenerateSerializer, Alias("MutualAid.Silo.OfferState")]
public sealed class OfferState
{
    [Id(0)] public OfferView? View { get; set; }

    /// <summary>Who changed the offer, when, how and why; empty for offers stored before histories were kept.</summary>
    [Id(20)] public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>Whether the expiry reminder is registered, so a command knows to remove one it no longer needs.</summary>
    [Id(21)] public bool ExpiryArmed { get; set; }

    /// <summary>The hub the offer last moved from, told again after a restart so it drops the offer (Ids 150-159: regions that share).</summary>
    [Id(150)] public string? MovedFrom { get; set; }

    /// <summary>
    /// Regions whose inbox must still hear of this offer (its newer summary while shared and open, else
    /// its withdrawal): written with the change, handed again until the region answers. Empty for
    /// offers stored before it was kept.
    /// </summary>
    [Id(151)] public List<string> RegionsOwed { get; set; } = [];
}
