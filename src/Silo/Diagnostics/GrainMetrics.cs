using System.Diagnostics.Metrics;

namespace MutualAid.Silo.Diagnostics;

/// <summary>
/// What the grains do, as counts an operator can chart. Tags carry only command names, outcomes and
/// hub slugs (public keys), never a person's name, phone, email or address.
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "MutualAid.Grains";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Commands answered, by command and outcome (ok, conflict, refused, invalid, notfound).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("mutualaid.commands", "{command}", "Commands answered by the entity grains");

    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>("mutualaid.command.duration", "ms", "Time a grain took to answer a command, its state write included");

    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("mutualaid.escalations", "{request}", "Requests offered to their region, by a person or by the deadline");

    public static readonly Counter<long> ClaimsLapsed = Meter.CreateCounter<long>("mutualaid.claims.lapsed", "{claim}", "Claims the clock ended before the job was picked up");
}
