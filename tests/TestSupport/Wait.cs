namespace MutualAid.TestSupport;

/// <summary>Waits for something that arrives later (a notice, a push, a file), failing with what was awaited when it never does.</summary>
public static class Wait
{
    public static Task Until(Func<bool> condition, string what, double seconds = 10) =>
        Until(() => Task.FromResult(condition()), () => what, seconds);

    public static Task Until(Func<Task<bool>> condition, string what, double seconds = 10) =>
        Until(condition, () => what, seconds);

    public static Task Until(Func<bool> condition, Func<string> what, double seconds = 10) =>
        Until(() => Task.FromResult(condition()), what, seconds);

    /// <param name="what">Said when the time is up; a function, so it can describe the state at that moment.</param>
    public static async Task Until(Func<Task<bool>> condition, Func<string> what, double seconds = 10)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {seconds} s waiting for: {what()}");
            await Task.Delay(20);
        }
    }
}
