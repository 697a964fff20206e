using System.Net.WebSockets;
using Microsoft.AspNetCore.Components.Server;

namespace MutualAid.Web.Hosting;

/// <summary>
/// How a Blazor circuit's socket is set up. Render batches stay compressed (phones on bad links),
/// but each message is compressed on its own: with context takeover every open tab keeps a zlib
/// window and state for the life of its socket, a fixed cost per tab for a small gain on
/// batches that are already compact (issue 18: ≤ 1 MB of server memory per board tab).
/// </summary>
public static class CircuitTransport
{
    public static void Configure(ServerComponentsEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Setting this keeps ASP.NET Core's frame-ancestors policy on the socket's response.
        options.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = true;
            accept.DisableServerContextTakeover = true;
            return Task.CompletedTask;
        };
    }
}
