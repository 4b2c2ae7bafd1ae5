using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Discovery.Feed;
using Wharf.Discovery.Server;
using Wharf.Storage;

namespace Wharf.Server.CloudMap.Dns;

/// <summary>
/// Runs the discovery DNS server inside the server process, fed from the state store. A port that
/// cannot be bound is logged and the rest of the server keeps running.
/// </summary>
internal sealed partial class DnsHostService(DnsHostOptions options, IStateStore store, ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger logger = loggers.CreateLogger<DnsHostService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var upstream = (await UpstreamResolvers.ReadAsync(options.ResolvConfPath, stoppingToken))
            .Where(a => !options.Endpoints.Any(e => e.Address.Equals(a) && e.Port == DnsHostOptions.DefaultPort))
            .ToList();
        using var server = new DiscoveryDnsServer(options.Endpoints, upstream, loggers.CreateLogger<DiscoveryDnsServer>());
        try
        {
            server.Start();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            LogBindFailed(logger, string.Join(", ", options.Endpoints), ex);
            return;
        }

        using var feed = new RegistrationFeed(store, server, logger);
        await feed.RunAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "The DNS server could not listen on {Endpoints}; service discovery DNS is off (set WHARF_DNS_PORT)")]
    private static partial void LogBindFailed(ILogger logger, string endpoints, Exception exception);
}
