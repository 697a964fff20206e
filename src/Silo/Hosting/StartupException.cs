namespace MutualAid.Silo.Hosting;

/// <summary>A configuration or environment problem the operator must fix; shown without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
