using System.Diagnostics;
using System.Text;

namespace MutualAid.TestSupport;

/// <summary>
/// What a started app process writes (both streams), kept for the failure message, and the wait
/// until its /readyz says the grain layer answers.
/// </summary>
public sealed class AppOutput
{
    private readonly StringBuilder lines = new();

    public string Text
    {
        get
        {
            lock (lines) return lines.ToString();
        }
    }

    /// <summary>Starts reading both streams of a process started with them redirected.</summary>
    public static AppOutput Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new AppOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    public async Task WaitUntilReady(Process process, Uri baseAddress, double seconds = 90)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        // What /readyz said last, so a start that never became ready says why (not listening, or which check failed).
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Text}");
            try
            {
                // Ready means the grain layer answers; pages then wait for their data themselves.
                using var answer = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                var body = await answer.Content.ReadAsStringAsync();
                if (answer.IsSuccessStatusCode && body == "ready") return;
                last = $"{(int)answer.StatusCode} {body}";
            }
            catch (HttpRequestException ex)
            {
                last = "not listening: " + ex.Message; // not listening yet
            }
            catch (TaskCanceledException)
            {
                last = "no answer within 5 s"; // slow first request while the silo warms up
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app did not become ready within {seconds} s; /readyz last said: {last}\n{Text}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (lines) lines.AppendLine(line);
    }
}
