using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Discovery.Hosting;
using Wharf.Storage;

namespace Wharf.Server.CloudMap.Dns;

/// <summary>
/// Runs the discovery DNS server inside the server process, fed from the state store, and tells the
/// task dispatcher which DNS server task containers get. An address that cannot be bound is logged and
/// the rest of the server keeps running. With the server's own DNS off, a container address set
/// explicitly (<c>WHARF_DNS_CONTAINER_ADDRESS</c>) is one a separate <c>wharf dns</c> serves: tasks get
/// it as is.
/// </summary>
internal sealed class DnsHostService(DnsHostOptions options, IStateStore store, ILoggerFactory loggers, ContainerDnsServers containerDns) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Settings;
        if (!settings.Enabled)
        {
            containerDns.Set(settings.ContainerDns ? settings.ContainerAddress : null);
            return;
        }

        var host = new DiscoveryDnsHost(settings, store, loggers);
        host.ContainerAddressReady += containerDns.Set;
        try
        {
            await host.RunAsync(stoppingToken);
        }
        finally
        {
            containerDns.Set(null);
        }
    }
}
