using MutualAid.Requests;

namespace MutualAid.Safety;

/// <summary>The checks a hub keeps and which categories of work need which of them.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.VettingPolicy")]
public sealed record VettingPolicy(
    [property: Id(0)] IReadOnlyList<VettingCheck> Checks,
    [property: Id(1)] IReadOnlyList<CheckRequirement> Requirements)
{
    public const string IdSeen = "ID seen";
    public const string SafeguardingTraining = "Safeguarding training";
    public const int MaxChecks = 20;
    public const int MaxNameLength = 80;

    /// <summary>What a new hub starts with: caring for children or older people needs safeguarding training.</summary>
    public static VettingPolicy Default { get; } = new(
        [new VettingCheck(IdSeen, null), new VettingCheck(SafeguardingTraining, null)],
        [new CheckRequirement(RequestCategory.Childcare, SafeguardingTraining), new CheckRequirement(RequestCategory.Eldercare, SafeguardingTraining)]);

    public IReadOnlyList<string> RequiredFor(RequestCategory category) =>
        Requirements.Where(r => r.Category == category).Select(r => r.Check).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    public VettingCheck? Find(string name) => Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Checks.Count > MaxChecks) errors.Add(FieldError.Of(nameof(Checks), Reason.TooManyChecks, MaxChecks));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var check in Checks)
        {
            if (string.IsNullOrWhiteSpace(check.Name)) errors.Add(FieldError.Of(nameof(Checks), Reason.GiveCheckName));
            else if (check.Name.Trim().Length > MaxNameLength) errors.Add(FieldError.Of(nameof(Checks), Reason.TooLong, MaxNameLength));
            else if (!seen.Add(check.Name.Trim())) errors.Add(FieldError.Of(nameof(Checks), Reason.CheckListedTwice, check.Name.Trim()));
            if (check.ValidFor is { } valid && (valid < TimeSpan.FromDays(1) || valid > TimeSpan.FromDays(366 * 20)))
            {
                errors.Add(FieldError.Of(nameof(Checks), Reason.CheckValidityRange));
            }
        }

        foreach (var requirement in Requirements)
        {
            if (!Enum.IsDefined(requirement.Category)) errors.Add(FieldError.Of(nameof(Requirements), Reason.UnknownCategory));
            if (!seen.Contains(requirement.Check?.Trim() ?? "")) errors.Add(FieldError.Of(nameof(Requirements), Reason.UnknownCheck, requirement.Check ?? ""));
        }

        return errors;
    }

    /// <summary>Names trimmed and requirements listed once each.</summary>
    public VettingPolicy Normalised() => new(
        Checks.Select(c => c with { Name = c.Name.Trim() }).ToArray(),
        Requirements.Select(r => r with { Check = Find(r.Check.Trim())?.Name ?? r.Check.Trim() }).Distinct().ToArray());
}
