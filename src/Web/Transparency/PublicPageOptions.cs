using MutualAid.Silo.Hosting;

namespace MutualAid.Web.Transparency;

/// <summary>
/// MutualAid:PublicPages. How long one render of a public figures page serves every reader (and
/// browsers may keep it): a minute by default, so a busy page costs the grains a few calls a minute.
/// A rehearsal network that wants to see a change at once may keep it for seconds.
/// </summary>
public sealed class PublicPageOptions
{
    public const string Section = "MutualAid:PublicPages";

    public TimeSpan Fresh { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Problems()
    {
        if (Fresh < TimeSpan.FromSeconds(1) || Fresh > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:Fresh must be between 00:00:01 and 01:00:00, not {Fresh}.";
        }
    }

    /// <summary>Reads and checks the section; a bad value stops start-up with a sentence saying what to fix.</summary>
    public static PublicPageOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PublicPageOptions();
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"The {Section} configuration section is invalid: {ex.Message}", ex);
        }

        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new StartupException("MutualAid cannot start with this public page configuration:\n  - " + string.Join("\n  - ", problems));
        return options;
    }
}
