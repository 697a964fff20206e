namespace MutualAid.Silo.Hosting;

/// <summary>A configuration or environment problem the operator must fix; shown without a stack trace.</summary>
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
