namespace MutualAid.Web.Tests.Logging;

/// <summary>
/// Every line the app logs, as a log file would hold it (message, then the exception's text), so a
/// test can read what an operator would. Keeps the latest lines only: the hostile-input tests log a lot.
/// </summary>
public sealed class LogSink : ILoggerProvider
{
    private const int Keep = 20_000;
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lines.Enqueue(line);
        while (lines.Count > Keep) lines.TryDequeue(out _);
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values too: a JSON log would carry them even when the template leaves them out.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            sink.Add($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}
