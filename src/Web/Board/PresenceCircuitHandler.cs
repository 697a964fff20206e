using Microsoft.AspNetCore.Components.Server.Circuits;

namespace MutualAid.Web.Board;

/// <summary>Tells the tab's presence when its connection drops and comes back (see <see cref="CircuitPresence"/>).</summary>
public sealed partial class PresenceCircuitHandler(CircuitPresence presence, ILogger<PresenceCircuitHandler> logger) : CircuitHandler
{
    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        try
        {
            await presence.ConnectionDown();
        }
        catch (OrleansException ex)
        {
            LogLeaveFailed(logger, ex); // presence expires by itself; the tab's beats have stopped
        }
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        try
        {
            await presence.ConnectionUp();
        }
        catch (OrleansException ex)
        {
            LogLeaveFailed(logger, ex); // the board's next beat announces the tab again
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence could not follow a circuit's connection")]
    private static partial void LogLeaveFailed(ILogger logger, Exception ex);
}
