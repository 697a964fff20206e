using Microsoft.AspNetCore.SignalR.Client;

namespace MutualAid.Web.Tests.SignalR;

/// <summary>What a board client is sent, as raw JSON: for tests that search it for what must never be there.</summary>
public static class BoardRecording
{
    /// <summary>Starts the connection and joins the hub; answers the snapshot, and every delta after it as it arrives.</summary>
    public static async Task<(JsonElement Snapshot, ConcurrentQueue<string> Deltas)> JoinRecording(this HubConnection connection, string hub)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var deltas = new ConcurrentQueue<string>();
        connection.On<JsonElement>("delta", d => deltas.Enqueue(d.GetRawText()));
        await connection.StartAsync();
        return (await connection.InvokeAsync<JsonElement>("JoinHub", hub), deltas);
    }
}
