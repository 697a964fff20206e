namespace MutualAid.Web.Intake;

/// <summary>The fields of a public form as they were sent (short names only), read and shown again as text.</summary>
public sealed class IntakeForm(IReadOnlyDictionary<string, string?> values)
{
    public static readonly IntakeForm Empty = new(new Dictionary<string, string?>());

    public IReadOnlyDictionary<string, string?> Values => values;

    public static IntakeForm Of(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.Keys.Where(k => k.Length < 40).ToDictionary(k => k, k => (string?)form[k].ToString(), StringComparer.Ordinal));
    }

    /// <summary>A form that only names the hub, as a link to /ask?hub=… does.</summary>
    public static IntakeForm ForHub(string? hub) => new(new Dictionary<string, string?> { ["hub"] = hub });

    public string? Value(string key) => values.GetValueOrDefault(key);

    /// <summary>The value, or null when nothing but spaces was sent.</summary>
    public string? Given(string key) => string.IsNullOrWhiteSpace(Value(key)) ? null : Value(key)!.Trim();
}
