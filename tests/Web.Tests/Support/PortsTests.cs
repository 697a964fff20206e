namespace MutualAid.Web.Tests.Support;

/// <summary>
/// The shared port source: a port from the kernel's ephemeral range can be taken by any outgoing
/// connection between the test choosing it and the app binding it, so none is ever handed out.
/// </summary>
public sealed class PortsTests
{
    [Fact]
    public void Ports_come_from_below_the_ephemeral_range_never_twice_and_bindable()
    {
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();

        var ports = Enumerable.Range(0, 200).Select(_ => Ports.Free()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, p => Assert.True(p < range[0] || p > range[1], $"{p} is in the ephemeral range {range[0]}-{range[1]}"));
        using var listener = new TcpListener(IPAddress.Loopback, ports[^1]);
        listener.Start();
    }

    [Fact]
    public void A_port_in_use_is_passed_over()
    {
        var taken = Enumerable.Range(0, 50).Select(_ => Ports.Free()).ToList();
        // Hold the next few ports of the sequence; whatever comes next must not be one of them.
        var held = new List<TcpListener>();
        try
        {
            var next = Ports.Free();
            foreach (var port in Enumerable.Range(next + 1, 5))
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                try
                {
                    listener.Start();
                    held.Add(listener);
                }
                catch (SocketException)
                {
                    listener.Dispose(); // someone else holds it, which serves as well
                }
            }

            var after = Ports.Free();
            Assert.DoesNotContain(after, held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port));
            Assert.DoesNotContain(after, taken.Append(next));
        }
        finally
        {
            foreach (var listener in held) listener.Dispose();
        }
    }
}
