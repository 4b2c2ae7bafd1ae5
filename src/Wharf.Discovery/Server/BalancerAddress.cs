using System.Net;

namespace Wharf.Discovery.Server;

/// <summary>
/// Where a load balancer's listeners are reachable from the one asking: they bind on every interface
/// of this host, so an asker on this host (a loopback source) gets 127.0.0.1 and any other asker gets
/// the address of the listener it asked through (for containers, the Docker bridge's gateway). Pure.
/// </summary>
internal static class BalancerAddress
{
    /// <param name="asker">The query's source.</param>
    /// <param name="reachable">The address of this host the asker reaches it at; null when unknown (a wildcard listener without a container address).</param>
    public static IPAddress? For(IPEndPoint? asker, IPAddress? reachable)
    {
        var source = asker?.Address;
        if (source is { IsIPv4MappedToIPv6: true })
        {
            source = source.MapToIPv4();
        }

        return source is not null && IPAddress.IsLoopback(source) ? IPAddress.Loopback : reachable;
    }
}
