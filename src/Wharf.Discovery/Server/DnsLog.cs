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
}
