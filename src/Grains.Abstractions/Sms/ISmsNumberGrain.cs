namespace MutualAid.Sms;

/// <summary>
/// Which hub a texted number (the hub's "SMS number") belongs to, keyed by the number's match key.
/// Written only by the hub grain when its settings change; a leaf, it calls nobody.
/// </summary>
[Alias("MutualAid.ISmsNumberGrain")]
public interface ISmsNumberGrain : IGrainWithStringKey
{
    /// <summary>False when another hub already holds the number.</summary>
    [Alias("Claim")] Task<bool> Claim(string hubSlug);

    /// <summary>Lets the number go if <paramref name="hubSlug"/> holds it.</summary>
    [Alias("Release")] Task Release(string hubSlug);

    [Alias("Hub"), ReadOnly] Task<string?> Hub();
}
