namespace MutualAid.Common;

/// <summary>
/// PRIVATE: how to reach a person. Only ever inside private views; never in a summary,
/// a board snapshot, a delta or a log line.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.ContactDetails")]
public sealed record ContactDetails(
    [property: Id(0)] string Name,
    string? Phone,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Address)
{
    /// <summary>
    /// As typed, but with its digits in ASCII: a phone typed on an Arabic, Persian or Devanagari
    /// keyboard ("٠٦١١ ٢٢٢ ٣٣٣") is the same number, and everything that dials, texts or matches it
    /// (Twilio, the STOP list, the status page's last digits) reads ASCII digits. Done here, where
    /// every form, text, import and API call makes its contact, rather than at each of them.
    /// </summary>
    [Id(1)] public string? Phone { get; init; } = AsciiDigits(Phone);

    public const string ErasedName = "[erased]";

    /// <summary>
    /// Name, phone, email and address as they are said to a person, each once: a texted request's
    /// name is its phone, and it has no address, so saying every field would repeat one and leave a
    /// gap. The email is said too: someone who asked on the form with only an email has no other way in.
    /// </summary>
    public IReadOnlyList<string> Said()
    {
        var said = new List<string>(4);
        foreach (var part in new[] { Name, Phone, Email, Address })
        {
            var trimmed = part?.Trim();
            if (!string.IsNullOrEmpty(trimmed) && !said.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) said.Add(trimmed);
        }

        return said;
    }

    /// <summary>The <see cref="Said"/> parts on one line.</summary>
    public string SaidOnOneLine(string separator = ", ") => string.Join(separator, Said());

    public static ContactDetails Erased { get; } = new(ErasedName, null, null, null);

    /// <summary><paramref name="typed"/> with each decimal digit of any script as its ASCII digit; everything else kept.</summary>
    public static string? AsciiDigits(string? typed)
    {
        if (typed is null || !typed.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c))) return typed;
        return string.Create(typed.Length, typed, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    /// <summary>How a <see cref="MatchKey"/> built from a phone number begins (one from an email does not).</summary>
    public const string PhoneKeyPrefix = "tel:";

    /// <summary>
    /// A number someone can dial (and the people page can find them by): digits with the usual
    /// separators, at least 6 digits. None at all is fine; "call me maybe" is not.
    /// </summary>
    public static bool IsPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone)
        || (phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-' or '.') && phone.Count(char.IsAsciiDigit) >= 6);

    /// <summary>Adds <see cref="Reason.NotAPhoneNumber"/> under <paramref name="field"/> when <paramref name="phone"/> is given but not a number.</summary>
    public static void CheckPhone(List<FieldError> errors, string field, string? phone)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsPhone(phone)) errors.Add(FieldError.Of(field, Reason.NotAPhoneNumber));
    }

    /// <summary>
    /// An address mail could go to: someone@somewhere, without spaces. None at all is fine; a typo
    /// such as "not-an-email" is not, since the person would never hear back. The one rule for every
    /// email people give (requests, offers, profiles, accounts).
    /// </summary>
    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return true;
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < trimmed.Length - 1 && !trimmed.Any(char.IsWhiteSpace);
    }

    /// <summary>Adds <see cref="Reason.NotAnEmail"/> under <paramref name="field"/> when <paramref name="email"/> is given but not an address.</summary>
    public static void CheckEmail(List<FieldError> errors, string field, string? email)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsEmail(email)) errors.Add(FieldError.Of(field, Reason.NotAnEmail));
    }

    /// <summary>
    /// A normalised key used to spot the same person twice. It is compared inside the hub grain
    /// only and never leaves the silo.
    /// </summary>
    public string? MatchKey()
    {
        var digits = Phone is null ? "" : new string(Phone.Where(char.IsDigit).ToArray());
        if (digits.Length >= 6)
        {
            return PhoneKeyPrefix + digits[^Math.Min(9, digits.Length)..];
        }

        var email = Email?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(email) ? null : "mail:" + email;
    }
}
