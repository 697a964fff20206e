namespace MutualAid.Common;

/// <summary>Who performed a command: carried into every audit entry and conflict answer.</summary>
[GenerateSerializer, Immutable, Alias("MutualAid.Actor")]
public sealed record Actor([property: Id(0)] string UserId, [property: Id(1)] string DisplayName)
{
    public static Actor System { get; } = new("system", "MutualAid");

    public override string ToString() => DisplayName;
}
