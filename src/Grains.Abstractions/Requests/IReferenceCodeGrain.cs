namespace MutualAid.Requests;

/// <summary>
/// The request a reference code names, for the requester's /status page. Keyed by <see cref="Key"/>.
/// The request grain writes it when it creates the request, before its own state: a crash between
/// the two leaves a code that points at nothing, which reads as "not found".
/// </summary>
[Alias("MutualAid.IReferenceCodeGrain")]
public interface IReferenceCodeGrain : IGrainWithStringKey
{
    [Alias("Point")] Task Point(Guid requestId);

    [Alias("Request"), ReadOnly] Task<Guid?> Request();

    /// <summary>As a person types it: any case, with or without the dash or spaces.</summary>
    static string Key(string code) =>
        new string((code ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();

    /// <summary>Longer than any code the request grain makes, with room for what people type around it.</summary>
    const int MaxTyped = 20;

    /// <summary>The key a typed code names; null when it is empty or longer than any code can be.</summary>
    static string? KeyOfTyped(string? code) => Key(code ?? "") is { Length: > 0 and <= MaxTyped } key ? key : null;
}
