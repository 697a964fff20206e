namespace MutualAid.Grains.Tests.Infrastructure;

/// <summary>Waits for something that arrives by a notice (a board projection), failing with a clear message when it never does.</summary>
public static class Eventually
{
    public static async Task True(Func<Task<bool>> condition, int timeoutSeconds = 10)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Not true within {timeoutSeconds} s.");
            await Task.Delay(50);
        }
    }
}
