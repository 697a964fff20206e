using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using MutualAid.Common;

namespace MutualAid.Silo.Diagnostics;

/// <summary>
/// Counts every command an entity grain answers with a <see cref="Result{T}"/>, by its outcome, in one
/// place: the web pages, the API, SMS replies and the clock all reach the same grains.
/// </summary>
/// <remarks>
/// It sees every grain call, notices and reads included, so what is not a command passes straight
/// through: whether a method answers an outcome, and its command name, are worked out once per method
/// (issue 18: the filter's cost per call showed in the throughput profile).
/// </remarks>
public sealed class CommandMetricsFilter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, string?> CommandNames = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = context.InterfaceMethod is { } method ? CommandNames.GetOrAdd(method, CommandName) : null;
        return command is null ? context.Invoke() : Measure(context, command);
    }

    private static async Task Measure(IIncomingGrainCallContext context, string name)
    {
        var started = Stopwatch.GetTimestamp();
        await context.Invoke();
        if (context.Result is not IOutcome outcome) return;
        var command = new KeyValuePair<string, object?>("command", name);
        GrainMetrics.Commands.Add(1, command, new("outcome", OutcomeName(outcome.Status)));
        GrainMetrics.CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, command);
    }

    private static string OutcomeName(ResultStatus status) => status switch
    {
        ResultStatus.Ok => "ok",
        ResultStatus.Invalid => "invalid",
        ResultStatus.Conflict => "conflict",
        ResultStatus.Refused => "refused",
        ResultStatus.NotFound => "notfound",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>"IRequestGrain.Triage", or null for a method that does not answer an outcome.</summary>
    private static string? CommandName(MethodInfo method)
    {
        var answers = method.ReturnType is { IsGenericType: true } task && (task.GetGenericTypeDefinition() == typeof(Task<>) || task.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? task.GetGenericArguments()[0]
            : null;
        return answers is not null && typeof(IOutcome).IsAssignableFrom(answers) && method.DeclaringType is { } grain ? $"{Entity(grain)}.{method.Name}" : null;
    }

    /// <summary>"IRequestGrain" → "Request": what the command acted on, as an operator reads it.</summary>
    private static string Entity(Type grain)
    {
        var name = grain.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1])) name = name[1..];
        return name.EndsWith("Grain", StringComparison.Ordinal) ? name[..^"Grain".Length] : name;
    }
}
