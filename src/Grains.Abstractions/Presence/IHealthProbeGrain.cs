namespace MutualAid.Presence;

/// <summary>
/// Readiness's question to the grain layer, keyed by the asking front-end: can a grain write its
/// state and read its reminders now? Throws when either store does not answer.
/// </summary>
[Alias("MutualAid.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    [Alias("Probe")] Task Probe();
}
