namespace MutualAid.Safety;

/// <summary>
/// Who someone is for "do not pair": a volunteer by id, a requester by their contact's match key.
/// Keys are opaque strings so a pair can hold either side.
/// </summary>
public static class Party
{
    public static string Volunteer(Guid id) => "v:" + id.ToString("N");

    public static string Requester(string contactMatchKey) => "c:" + contactMatchKey;

    public static bool IsVolunteer(string key, out Guid id)
    {
        id = Guid.Empty;
        return key is not null && key.StartsWith("v:", StringComparison.Ordinal) && Guid.TryParseExact(key[2..], "N", out id);
    }
}
