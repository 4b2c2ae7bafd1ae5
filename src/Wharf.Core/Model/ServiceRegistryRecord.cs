namespace Wharf.Core.Model;

/// <summary>
/// One of a service's <c>serviceRegistries</c>: the Cloud Map service its tasks register with, and
/// which container and port the instance's address and SRV port come from.
/// </summary>
public sealed record ServiceRegistryRecord(string RegistryArn, string? ContainerName, int? ContainerPort, int? Port);
