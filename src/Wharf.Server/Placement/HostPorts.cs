using Wharf.Scheduling.Model;

namespace Wharf.Server.Placement;

/// <summary>The <c>"80/tcp"</c> strings records keep host ports in, to and from <see cref="HostPort"/>.</summary>
internal static class HostPorts
{
    public static string Format(HostPort port) =>
        $"{port.Port}/{(port.Protocol == TransportProtocol.Udp ? "udp" : "tcp")}";

    /// <summary>Parses <c>"80/tcp"</c>, <c>"53/udp"</c> or a bare <c>"22"</c> (tcp); false for anything else.</summary>
    public static bool TryParse(string? value, out HostPort port)
    {
        port = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? value : value[..slash];
        var protocol = slash < 0 ? "tcp" : value[(slash + 1)..];
        if (!int.TryParse(number, out var n) || n is <= 0 or > 65535 || !TryParseProtocol(protocol, out var p))
        {
            return false;
        }

        port = new HostPort(n, p);
        return true;
    }

    public static bool TryParseProtocol(string? value, out TransportProtocol protocol)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "" or "tcp":
                protocol = TransportProtocol.Tcp;
                return true;
            case "udp":
                protocol = TransportProtocol.Udp;
                return true;
            default:
                protocol = default;
                return false;
        }
    }
}
