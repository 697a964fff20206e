using System.Security.Cryptography;
using System.Text;

namespace MutualAid.TestSupport;

/// <summary>
/// Signs a webhook request the way Twilio does (X-Twilio-Signature): HMAC-SHA1 with the auth token
/// over the full URL followed by every form field's name and value, sorted by name, in Base64.
/// Written from Twilio's description, not with its library, so the app's validation is checked against an independent copy.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal)) data.Append(name).Append(value);
#pragma warning disable CA5350 // Twilio's signature is defined with SHA-1; matching it is the point.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
