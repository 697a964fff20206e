namespace MutualAid.Silo.Requests;

/// <summary>
/// A short code a person can read out on the phone. Derived from the id, so it needs no
/// coordination; the alphabet drops 0/O and 1/I/L to survive a bad line.
/// </summary>
public static class ReferenceCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string For(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var value = BitConverter.ToUInt64(bytes);
        Span<char> chars = stackalloc char[7];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        return $"{new string(chars[..3])}-{new string(chars[3..])}";
    }
}
