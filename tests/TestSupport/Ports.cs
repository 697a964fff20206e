using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MutualAid.TestSupport;

/// <summary>
/// Loopback ports for the apps, silos and servers the tests start. A port the kernel picked for
/// port 0 comes from its ephemeral range, where any outgoing connection may take it before the app
/// binds it (CI saw "address already in use" that way); these come from below that range, never
/// twice in one process, and each was bindable when handed out.
/// </summary>
public static class Ports
{
    private const int Low = 20000;
    private const int High = 32000;
    private static readonly (int First, int Count) Pool = ChoosePool();
    private static int next = Random.Shared.Next(Pool.Count);

    public static int Free()
    {
        for (var tried = 0; tried < Pool.Count; tried++)
        {
            var port = Pool.First + (int)((uint)Interlocked.Increment(ref next) % (uint)Pool.Count);
            if (Bindable(port)) return port;
        }

        throw new InvalidOperationException($"No free loopback port in {Pool.First}-{Pool.First + Pool.Count - 1}.");
    }

    /// <summary>20000-31999, cut short where this machine's ephemeral range begins (or moved above it, should it cover all of that).</summary>
    private static (int First, int Count) ChoosePool()
    {
        var (ephemeralFirst, ephemeralLast) = EphemeralRange();
        if (ephemeralFirst > Low + 1000) return (Low, Math.Min(High, ephemeralFirst) - Low);
        return ephemeralLast < IPEndPoint.MaxPort - 1000 ? (ephemeralLast + 1, IPEndPoint.MaxPort - ephemeralLast) : (Low, High - Low);
    }

    /// <summary>Linux says where in /proc; elsewhere the IANA range, which Windows and macOS use.</summary>
    private static (int First, int Last) EphemeralRange()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(file)
            && File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var first, var last]
            && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var f) && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var l))
        {
            return (f, l);
        }

        return (49152, 65535);
    }

    private static bool Bindable(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
