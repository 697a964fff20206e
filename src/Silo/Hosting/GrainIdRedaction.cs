using System.Diagnostics;
using OpenTelemetry;

namespace MutualAid.Silo.Hosting;

/// <summary>
/// Orleans names each call's grains in its spans ("user/ana@example.org", "phonevolunteer/+447…"). A
/// grain keyed by a Guid or a number keeps its id; any other key (an email, a phone, a code) becomes
/// "redacted", so a trace store never holds a person's details.
/// </summary>
public sealed class GrainIdRedaction : BaseProcessor<Activity>
{
    /// <summary>Where Orleans puts grain ids: "orleans.grain.id", "orleans.rpc.target_id", "orleans.rpc.source_id".</summary>
    private static readonly string[] GrainIdKeys = ["grain.id", "grain.key", "target_id", "source_id"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, value) in data.TagObjects.ToArray())
        {
            if (GrainIdKeys.Any(k => key.Contains(k, StringComparison.Ordinal)))
            {
                data.SetTag(key, Redact(value?.ToString()));
            }
        }
    }

    public static string? Redact(string? grainId)
    {
        if (grainId is null) return null;
        var slash = grainId.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? grainId : grainId[(slash + 1)..];
        var plain = Guid.TryParse(key, out _) || long.TryParse(key, out _) || (key.Length == 32 && key.All(char.IsAsciiHexDigit));
        return plain ? grainId : (slash < 0 ? "redacted" : grainId[..(slash + 1)] + "redacted");
    }
}
