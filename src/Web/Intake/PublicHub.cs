using MutualAid.Hubs;

namespace MutualAid.Web.Intake;

/// <summary>A hub as the public forms offer it: the value a form sends, the name a person reads ("North (Riverside)"), and its named areas.</summary>
public sealed record PublicHub(string Slug, string Text, IReadOnlyList<NamedArea> Areas)
{
    /// <summary>The hubs as a select's options.</summary>
    public static IReadOnlyList<(string Value, string Text)> Choices(IEnumerable<PublicHub> hubs) => [.. hubs.Select(h => (h.Slug, h.Text))];
}
