using MutualAid.Silo.Hosting;

namespace MutualAid.Web.Board;

/// <summary>
/// MutualAid:Map. With no tile URL the map works offline: markers on a plain background, and
/// the browser never talks to anyone but this app.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "MutualAid:Map";

    /// <summary>An XYZ tile template such as https://tiles.example.org/{z}/{x}/{y}.png; empty for none.</summary>
    public string TileUrl { get; set; } = "";

    /// <summary>Credit the tile server asks for (shown in the map's corner).</summary>
    public string Attribution { get; set; } = "";

    public bool HasTiles => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>The tile server's origin (scheme, host, port) for the CSP's img-src, or null offline.</summary>
    public string? TileOrigin
    {
        get
        {
            if (!HasTiles || !TryTemplateUri(TileUrl, out var uri)) return null;
            // {s} rotates between subdomains (a., b., c.), so the CSP allows them all.
            var host = TileUrl.Contains("{s}.", StringComparison.Ordinal) && uri.Host.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot
                ? "*" + uri.Host[dot..]
                : uri.Host;
            return $"{uri.Scheme}://{host}" + (uri.IsDefaultPort ? "" : $":{uri.Port}");
        }
    }

    public IEnumerable<string> Problems()
    {
        if (!HasTiles) yield break;
        if (!TryTemplateUri(TileUrl, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{Section}:TileUrl must be an absolute https (or http) URL, not '{TileUrl}'.";
        }

        foreach (var placeholder in new[] { "{z}", "{x}", "{y}" })
        {
            if (!TileUrl.Contains(placeholder, StringComparison.Ordinal)) yield return $"{Section}:TileUrl must contain {placeholder}.";
        }

        // The origin goes into a response header: anything that could end the CSP directive is refused.
        if (TileUrl.IndexOfAny([';', ',', ' ', '\'', '"', '\r', '\n']) >= 0) yield return $"{Section}:TileUrl must not contain spaces, quotes, commas or semicolons.";
    }

    /// <summary>Reads and checks the section; a bad value stops start-up with a sentence saying what to fix.</summary>
    public static MapOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new MapOptions();
        configuration.GetSection(Section).Bind(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new StartupException("MutualAid cannot start with this map configuration:\n  - " + string.Join("\n  - ", problems));
        return options;
    }

    // Leaflet's {s} subdomain placeholder and the others are not valid host characters: swap them for
    // a letter so the template parses as a URL and its real origin can be read.
    private static bool TryTemplateUri(string template, out Uri uri) =>
        Uri.TryCreate(template.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal),
            UriKind.Absolute, out uri!);
}
