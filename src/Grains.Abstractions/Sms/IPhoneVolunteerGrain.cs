namespace MutualAid.Sms;

/// <summary>
/// Which volunteer texts from a phone, keyed by the phone's match key. Written only by the volunteer
/// grain when its profile's phone is set, changed or erased (volunteer → index, never back).
/// </summary>
[Alias("MutualAid.IPhoneVolunteerGrain")]
public interface IPhoneVolunteerGrain : IGrainWithStringKey
{
    [Alias("Point")] Task Point(Guid volunteerId);

    /// <summary>Forgets the phone if it still points at <paramref name="volunteerId"/> (another may have taken it since).</summary>
    [Alias("Forget")] Task Forget(Guid volunteerId);

    [Alias("Volunteer"), ReadOnly] Task<Guid?> Volunteer();
}
