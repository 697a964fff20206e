using System.Buffers.Text;
using System.Security.Cryptography;

namespace MutualAid.Web.Api;

/// <summary>
/// The shape of a token: <c>ma_</c>, the token's id (32 hex digits), <c>_</c>, then 256 random bits in
/// base64url. The prefix lets secret scanners and people recognise a leaked token; the id lets the
/// server find it without a search; only the secret's SHA-256 is ever stored.
/// </summary>
public static class ApiTokenFormat
{
    public const string Prefix = "ma_";
    private const int SecretBytes = 32;

    /// <summary>A new token and the fingerprint to store for it.</summary>
    public static (Guid Id, string Token, byte[] SecretHash) Create()
    {
        var id = Guid.NewGuid();
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        try
        {
            return (id, $"{Prefix}{id:N}_{Base64Url.EncodeToString(secret)}", SHA256.HashData(secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The id and fingerprint of a presented token, or false when it is not shaped like one.</summary>
    public static bool TryRead(ReadOnlySpan<char> token, out Guid id, out byte[] secretHash)
    {
        id = Guid.Empty;
        secretHash = [];
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = token[Prefix.Length..];
        if (rest.Length <= 33 || rest[32] != '_' || !Guid.TryParseExact(rest[..32], "N", out id)) return false;
        // TryDecodeFromChars throws on a character outside base64url (its "Try" is about the buffer's size):
        // anyone can send any header, and a throw here was a 500 on every route, uncounted as a failure.
        if (!Base64Url.IsValid(rest[33..], out var length) || length != SecretBytes) return false;
        Span<byte> secret = stackalloc byte[SecretBytes];
        if (!Base64Url.TryDecodeFromChars(rest[33..], secret, out var written) || written != SecretBytes) return false;
        secretHash = SHA256.HashData(secret[..SecretBytes]);
        CryptographicOperations.ZeroMemory(secret);
        return true;
    }
}
