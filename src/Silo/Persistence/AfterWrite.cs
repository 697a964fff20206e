using Microsoft.Extensions.Logging;

namespace MutualAid.Silo.Persistence;

/// <summary>
/// A step after a kept write (a reminder removed, a receiver told): its failure is logged and left
/// to the step's own repair, never answered, because the caller's change is kept and an error would
/// have them retry what already happened (or, assigning, give back time the change now holds).
/// </summary>
public static partial class AfterWrite
{
    /// <summary>Runs <paramref name="step"/>; answers whether it succeeded.</summary>
    /// <param name="owner">The grain, as its logs may name it (a Guid, or a bounded slug).</param>
    public static async Task<bool> Try(Func<Task> step, ILogger logger, string owner)
    {
        ArgumentNullException.ThrowIfNull(step);
        try
        {
            await step();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, owner, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Owner}: a step after its kept write failed")]
    private static partial void LogFailed(ILogger logger, string owner, Exception error);
}
