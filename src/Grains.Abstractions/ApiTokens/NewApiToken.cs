using System.Security.Cryptography;

namespace MutualAid.ApiTokens;

/// <summary>
/// A token to issue. The web tier makes the secret and sends only its SHA-256: the secret is 256
/// random bits, so a fast hash is enough (nothing to guess), and no grain or store ever holds it.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NewApiToken")]
public sealed record NewApiToken(
    [property: Id(0)] string Hub,
    [property: Id(1)] string Name,
    [property: Id(2)] ApiTokenScope Scope,
    [property: Id(3)] Actor IssuedBy,
    [property: Id(4)] byte[] SecretHash,
    [property: Id(5)] int LifetimeDays)
{
    public const int MaxName = 80;

    /// <summary>What the team page offers, 90 days first. There is no "never": a token forgotten in an old bridge should die on its own.</summary>
    public const int DefaultLifetimeDays = 90;

    public static IReadOnlyList<int> LifetimeChoices { get; } = [7, 30, 90, 365];

    /// <summary>What is wrong with it, if anything (the grain refuses to store it otherwise).</summary>
    public IReadOnlyList<FieldError> Problems()
    {
        var errors = new List<FieldError>();
        Text.Require(errors, nameof(Name), Name, MaxName, Reason.ApiTokenNameMissing);
        if (!Enum.IsDefined(Scope)) errors.Add(FieldError.Of(nameof(Scope), Reason.NotOneOf, Scope, Reasons.Choices<ApiTokenScope>()));
        if (SecretHash is not { Length: SHA256.HashSizeInBytes }) errors.Add(FieldError.Of(nameof(SecretHash), Reason.ApiTokenHashShape));
        if (!LifetimeChoices.Contains(LifetimeDays)) errors.Add(FieldError.Of(nameof(LifetimeDays), Reason.ApiTokenLifetime, string.Join(", ", LifetimeChoices)));
        if (string.IsNullOrWhiteSpace(Hub)) errors.Add(FieldError.Of(nameof(Hub), Reason.NotPossibleHere));
        return errors;
    }
}
