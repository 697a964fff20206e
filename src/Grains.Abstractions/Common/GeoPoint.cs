namespace MutualAid.Common;

[GenerateSerializer, Immutable, Alias("MutualAid.GeoPoint")]
public sealed record GeoPoint([property: Id(0)] double Latitude, [property: Id(1)] double Longitude)
{
    /// <summary>About 1 km at mid latitudes: enough for a map of a hub, too coarse to find a door.</summary>
    public const double DisplayGridDegrees = 0.01;

    public GeoPoint Approximate() => new(Snap(Latitude), Snap(Longitude));

    private static double Snap(double v) => Math.Round(Math.Round(v / DisplayGridDegrees) * DisplayGridDegrees, 4);

    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180
        && double.IsFinite(Latitude) && double.IsFinite(Longitude);
}
