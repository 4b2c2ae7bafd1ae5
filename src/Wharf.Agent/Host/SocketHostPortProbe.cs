using System.Net;
using System.Net.Sockets;
using Wharf.Agent.Engine;

namespace Wharf.Agent.Host;

/// <summary>Finds out whether a port is free by binding it for an instant on every IPv4 address.</summary>
internal sealed class SocketHostPortProbe : IHostPortProbe
{
    public bool IsFree(int port, string protocol)
    {
        var udp = protocol == "udp";
        using var socket = new Socket(
            AddressFamily.InterNetwork, udp ? SocketType.Dgram : SocketType.Stream, udp ? ProtocolType.Udp : ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
