using System.Net;
using System.Net.Sockets;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Probes a port by binding it on every address for an instant; listeners are served on this host.</summary>
internal sealed class SocketPortProbe(WharfServerOptions options) : IListenerPortProbe
{
    public bool IsFree(int port)
    {
        if (port == options.Port)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
