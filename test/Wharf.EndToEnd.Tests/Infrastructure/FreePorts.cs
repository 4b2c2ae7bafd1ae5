using System.Net;
using System.Net.Sockets;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>Ports nothing listens on right now, for the instances and listeners a test starts.</summary>
public static class FreePorts
{
    /// <summary>A TCP port free on every address (load balancer listeners bind 0.0.0.0).</summary>
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both TCP and UDP on loopback (a DNS server's port).</summary>
    public static int TcpAndUdp()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP: try another.
            }
        }
    }
}
