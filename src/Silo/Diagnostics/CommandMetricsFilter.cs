using System.Diagnostics;
using MutualAid.Common;

namespace MutualAid.Silo.Diagnostics;

/// <summary>
/// Counts every command an entity grain answers with a <see cref="Result{T}"/>, by its outcome, in one
/// place: the web pages, the API, SMS replies and the clock all reach the same grains.
/// </summary>
public sealed class CommandMetricsFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        await context.Invoke();
        if (context.Result is not IOutcome outcome) return;
        var command = new KeyValuePair<string, object?>("command", $"{Entity(context.InterfaceMethod.DeclaringType!)}.{context.MethodName}");
        GrainMetrics.Commands.Add(1, command, new("outcome", outcome.Status.ToString().ToLowerInvariant()));
        GrainMetrics.CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, command);
    }

    /// <summary>"IRequestGrain" → "Request": what the command acted on, as an operator reads it.</summary>
    private static string Entity(Type grain)
    {
        var name = grain.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1])) name = name[1..];
        return name.EndsWith("Grain", StringComparison.Ordinal) ? name[..^"Grain".Length] : name;
    }
}
