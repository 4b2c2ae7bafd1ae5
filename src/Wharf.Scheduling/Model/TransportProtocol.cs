namespace Wharf.Scheduling.Model;

/// <summary>The protocol of a host port, as in an ECS port mapping.</summary>
public enum TransportProtocol
{
    /// <summary><c>tcp</c>.</summary>
    Tcp,

    /// <summary><c>udp</c>.</summary>
    Udp,
}
