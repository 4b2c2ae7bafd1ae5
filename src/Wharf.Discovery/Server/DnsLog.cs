using System.Net;
using Microsoft.Extensions.Logging;

namespace Wharf.Discovery.Server;

/// <summary>The DNS server's log messages (event ids 5100–5199).</summary>
internal static partial class DnsLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "DNS server listening on {Endpoints} (UDP and TCP), forwarding other names to {Upstream}")]
    public static partial void Listening(ILogger logger, string endpoints, string upstream);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "DNS zones rebuilt: {Zones} zone(s), serial {Serial}")]
    public static partial void Rebuilt(ILogger logger, int zones, uint serial);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "Forwarding {Name} failed")]
    public static partial void ForwardFailed(ILogger logger, ARSoft.Tools.Net.DomainName name, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "DNS transport error")]
    public static partial void TransportError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Rebuilding the DNS zones failed; still serving the previous ones")]
    public static partial void RebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "The DNS server could not listen on {Endpoints}; service discovery DNS is off there (set WHARF_DNS_PORT or WHARF_DNS_BIND)")]
    public static partial void BindFailed(ILogger logger, string endpoints, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "The DNS server could not listen on {Endpoints} for task containers (another Wharf may own it; WHARF_DNS_CONTAINER_ADDRESS=off turns this off); task containers use Docker's default DNS")]
    public static partial void ContainerBindFailed(ILogger logger, string endpoints, Exception exception);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Task containers resolve through the DNS server at {Address}:53")]
    public static partial void ContainerDnsReady(ILogger logger, IPAddress address);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "No Docker bridge gateway found (asked {DockerEndpoint}, then docker0); task containers use Docker's default DNS (set WHARF_DNS_CONTAINER_ADDRESS)")]
    public static partial void NoBridgeGateway(ILogger logger, string dockerEndpoint);
}
