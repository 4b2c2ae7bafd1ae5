namespace Wharf.Agent.Docker;

/// <summary>A container port published on a host port.</summary>
/// <param name="ContainerPort">Port inside the container.</param>
/// <param name="HostPort">Port on the host.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
/// <param name="HostIp">The host address bound; <c>0.0.0.0</c> means every IPv4 address.</param>
internal sealed record PortBinding(int ContainerPort, int HostPort, string Protocol, string HostIp = "0.0.0.0");
