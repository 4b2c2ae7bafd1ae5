using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Wharf.Discovery.Feed;
using Wharf.Discovery.Server;
using Wharf.Storage;

namespace Wharf.Discovery.Hosting;

/// <summary>
/// Runs the DNS server over the state store, as <c>wharf up</c>/<c>wharf server</c> embed it and
/// <c>wharf dns</c> runs it alone: one <see cref="DiscoveryDnsServer"/> per listening address (each
/// knows the address its askers reach this host at, for load balancer names) and one on
/// <c>{container address}:53</c> for task containers, all fed the same snapshots by one
/// <see cref="RegistrationFeed"/>. Fails soft: an address that cannot be bound is logged and left
/// out; the container listener is optional (several Wharf instances on one host cannot all own the
/// bridge gateway's port 53), and <see cref="ContainerAddress"/> is set only once it serves, so tasks
/// are never pointed at a server that is not there.
/// </summary>
public sealed class DiscoveryDnsHost(DnsHostSettings settings, IStateStore store, ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger<DiscoveryDnsHost>();
    private IPAddress? containerAddress;

    /// <summary>Raised once the container listener serves, with its address.</summary>
    public event Action<IPAddress>? ContainerAddressReady;

    /// <summary>The address task containers use as their DNS server; null until (unless) it serves.</summary>
    public IPAddress? ContainerAddress => Volatile.Read(ref containerAddress);

    /// <summary>Binds, then serves and follows the store until cancelled. Returns at once when the server is off or nothing could be bound.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        var upstream = (await UpstreamResolvers.ReadAsync(settings.ResolvConfPath, cancellationToken))
            .Where(a => !settings.Endpoints.Any(e => e.Address.Equals(a) && e.Port == DnsHostSettings.DefaultPort))
            .ToList();
        var reachable = await ContainerAddressAsync(cancellationToken);
        var servers = new List<DiscoveryDnsServer>();
        var bound = new List<IPEndPoint>();
        try
        {
            foreach (var group in settings.Endpoints.GroupBy(e => e.Address))
            {
                var wildcard = group.Key.Equals(IPAddress.Any) || group.Key.Equals(IPAddress.IPv6Any);
                var server = new DiscoveryDnsServer([.. group], upstream, loggers.CreateLogger<DiscoveryDnsServer>(), balancerAddress: wildcard ? reachable : group.Key);
                if (TryStart(server, DnsLog.BindFailed))
                {
                    servers.Add(server);
                    bound.AddRange(group);
                }
            }

            if (reachable is not null)
            {
                // A host listener on port 53 of every address (or of this one) already serves containers.
                var covered = bound.Any(e => e.Port == DnsHostSettings.DefaultPort
                    && (e.Address.Equals(IPAddress.Any) || e.Address.Equals(reachable)));
                var container = covered ? null : new DiscoveryDnsServer(
                    [new IPEndPoint(reachable, DnsHostSettings.DefaultPort)], upstream, loggers.CreateLogger<DiscoveryDnsServer>(), balancerAddress: reachable);
                if (covered || TryStart(container!, DnsLog.ContainerBindFailed))
                {
                    if (container is not null)
                    {
                        servers.Add(container);
                    }

                    Volatile.Write(ref containerAddress, reachable);
                    DnsLog.ContainerDnsReady(logger, reachable);
                    ContainerAddressReady?.Invoke(reachable);
                }
            }

            if (servers.Count == 0)
            {
                return;
            }

            using var feed = new RegistrationFeed(store, servers, logger, settings.Resync);
            await feed.RunAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref containerAddress, null);
            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    private async Task<IPAddress?> ContainerAddressAsync(CancellationToken cancellationToken)
    {
        if (!settings.ContainerDns)
        {
            return null;
        }

        var address = settings.ContainerAddress ?? await BridgeGateway.DetectAsync(settings.DockerEndpoint, cancellationToken);
        if (address is null)
        {
            DnsLog.NoBridgeGateway(logger, settings.DockerEndpoint);
        }

        return address;
    }

    private bool TryStart(DiscoveryDnsServer server, Action<ILogger, string, Exception> logFailure)
    {
        try
        {
            server.Start();
            return true;
        }
        catch (SocketException ex)
        {
            logFailure(logger, server.ToString(), ex);
            server.Dispose();
            return false;
        }
    }
}
