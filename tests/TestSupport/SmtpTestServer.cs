using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MutualAid.TestSupport;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package, in this process) that keeps every message
/// it is given, so a test can see exactly what left the app: how many, to whom, in which words.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Inbox inbox = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    private SmtpTestServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(inbox);
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public static string Host => "127.0.0.1";

    public IReadOnlyList<MimeMessage> Received => [.. inbox.Messages];

    public static async Task<SmtpTestServer> Start()
    {
        var smtp = new SmtpTestServer(Ports.Free());
        await Wait.Until(() => smtp.Accepts(), $"the test SMTP server to listen on {smtp.Port}");
        return smtp;
    }

    /// <summary>Settings for <c>Notifications:Email</c> that send here.</summary>
    public IDictionary<string, string?> Settings(string from = "hub@mutualaid.test") => new Dictionary<string, string?>
    {
        ["Notifications:Email:Host"] = Host,
        ["Notifications:Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Email:Security"] = "None",
        ["Notifications:Email:FromAddress"] = from,
    };

    public async Task<IReadOnlyList<MimeMessage>> WaitFor(int count, double seconds = 10)
    {
        await Wait.Until(() => inbox.Messages.Count >= count, () => $"{count} email(s) at the test SMTP server; {inbox.Messages.Count} arrived", seconds);
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        server.Shutdown();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how it stops.
        }

        stop.Dispose();
    }

    private async Task<bool> Accepts()
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private sealed class Inbox : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
