namespace MutualAid.Hubs;

/// <summary>
/// A place a hub works in, by the name its neighbours use, with one point for the map. The point
/// stands for the whole area, so it is as much of a position as a public form ever gives.
/// </summary>
[GenerateSerializer, Immutable, Alias("MutualAid.NamedArea")]
public sealed record NamedArea([property: Id(0)] string Name, [property: Id(1)] GeoPoint Point)
{
    public const int MaxNameLength = 100;

    /// <summary>Enough for every street-level neighbourhood of a city, few enough to list on a form.</summary>
    public const int MaxPerHub = 200;

    /// <summary>Problems with a hub's list of areas, each field named by its place in the list.</summary>
    public static IEnumerable<FieldError> Validate(IReadOnlyList<NamedArea>? areas)
    {
        if (areas is null || areas.Count == 0) return [];
        var errors = new List<FieldError>();
        if (areas.Count > MaxPerHub) errors.Add(FieldError.Of("Areas", Reason.TooManyAreas, MaxPerHub));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < areas.Count && i < MaxPerHub; i++)
        {
            var field = $"Areas[{i}]";
            if (areas[i] is not { } area)
            {
                errors.Add(FieldError.Of(field, Reason.GiveAreaName));
                continue;
            }

            Text.Require(errors, field + ".Name", area.Name, MaxNameLength, Reason.GiveAreaName);
            if (!string.IsNullOrWhiteSpace(area.Name) && !seen.Add(area.Name.Trim())) errors.Add(FieldError.Of(field + ".Name", Reason.AreaListedTwice, LogSafe.Bound(area.Name.Trim())));
            if (area.Point is not { IsValid: true }) errors.Add(FieldError.Of(field + ".Point", Reason.CoordinatesOutOfRange));
        }

        return errors;
    }

    /// <summary>The area called <paramref name="name"/> (any case, spaces around ignored), or null when none is.</summary>
    public static NamedArea? Find(IReadOnlyList<NamedArea>? areas, string? name)
    {
        if (areas is null || string.IsNullOrWhiteSpace(name)) return null;
        var wanted = name.Trim();
        return areas.FirstOrDefault(a => string.Equals(a.Name, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
