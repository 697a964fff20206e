using System.Globalization;

namespace MutualAid.Web.Plain;

/// <summary>
/// A value the app put in one of its own links, read back tolerantly. A typed
/// [SupplyParameterFromQuery] throws on a value it cannot convert before the page can answer (a 500,
/// or a circuit that dies), and a link cut short in an SMS or retyped by hand reaches here: so such
/// parameters are strings, and what cannot be read is treated as not there.
/// </summary>
public static class QueryValue
{
    public static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;

    public static int? Number(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
