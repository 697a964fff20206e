namespace MutualAid.Silo.Hosting;

/// <summary>
/// A configuration or environment problem the operator must fix; shown without a stack trace. It
/// lives in the lowest assembly that raises it (the SQLite store checks its file at start-up) and
/// keeps the hosting namespace, where the silo and the web app catch it.
/// </summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Finds one inside the wrappers Orleans and the host put around start-up failures.</summary>
    public static StartupException? Find(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is StartupException startup) return startup;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find(inner) is { } found) return found;
                }
            }
        }

        return null;
    }
}
