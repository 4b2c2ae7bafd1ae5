using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Ports nothing listens on right now, for the instances and listeners a test starts. A test binds
/// its port seconds after the probe (a <c>wharf up</c> starting, a listener its balancer opens), and
/// an instance killed and started again binds it a second time: so the ports come from below the
/// kernel's ephemeral range, where neither Docker's published host ports, nor a port-0 bind, nor an
/// outgoing connection's source port lands in between, and none is handed out twice in this run.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 20000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int Highest = EphemeralStart() - 1;

    /// <summary>A TCP port free on every address (load balancer listeners bind 0.0.0.0).</summary>
    public static int Tcp() => Next(port => CanBind(() => new TcpListener(IPAddress.Any, port)));

    /// <summary>A port free for both TCP and UDP on loopback (a DNS server's port).</summary>
    public static int TcpAndUdp() => Next(port =>
        CanBind(() => new TcpListener(IPAddress.Loopback, port))
        && CanBind(() => new TcpListener(IPAddress.Any, port))
        && CanBindUdp(port));

    private static int Next(Func<int, bool> free)
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest + 1);
                if (!HandedOut.Contains(port) && free(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free port between {Lowest} and {Highest} after 1000 tries.");
    }

    private static bool CanBind(Func<TcpListener> create)
    {
        var listener = create();
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static bool CanBindUdp(int port)
    {
        try
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of <c>ip_local_port_range</c> (32768 when it cannot be read).</summary>
    private static int EphemeralStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range")
                .Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            var start = int.Parse(first, CultureInfo.InvariantCulture);
            return start > Lowest + 1000 ? start : 32768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
