namespace Wharf.Scheduling.Model;

/// <summary>A static host port a task binds (a port mapping with a non-zero <c>hostPort</c>).</summary>
/// <param name="Port">The host port number.</param>
/// <param name="Protocol">tcp or udp; the two are separate port spaces.</param>
public readonly record struct HostPort(int Port, TransportProtocol Protocol = TransportProtocol.Tcp);
