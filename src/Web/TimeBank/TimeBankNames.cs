namespace MutualAid.Web.TimeBank;

/// <summary>The names of a reader's time-bank statements' places: each scope (a region, or a hub in none) and each hub of their lines, by slug.</summary>
public sealed record TimeBankNames(IReadOnlyDictionary<string, string> Scopes, IReadOnlyDictionary<string, string> Hubs)
{
    public static TimeBankNames None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public string Scope(string scope) => Scopes.GetValueOrDefault(scope, scope);

    public string Hub(string hub) => Hubs.GetValueOrDefault(hub, hub);
}
