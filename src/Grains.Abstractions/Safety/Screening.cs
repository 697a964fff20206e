namespace MutualAid.Safety;

/// <summary>
/// Whether a volunteer may be put on a request. <see cref="Apart"/> never says why: the caller
/// refuses with the generic reason, so nobody learns that a concern lies behind it.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Screening")]
public sealed record Screening([property: Id(0)] bool Apart, [property: Id(1)] IReadOnlyList<string> Missing)
{
    public static Screening Clear { get; } = new(false, []);

    public bool IsClear => !Apart && Missing.Count == 0;
}
