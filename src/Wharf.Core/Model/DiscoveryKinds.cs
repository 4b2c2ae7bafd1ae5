namespace Wharf.Core.Model;

/// <summary>
/// The document kinds of service discovery (Cloud Map), with their keys and partitions. Tags of
/// namespaces and services live under <see cref="StateKinds.Tags"/>, keyed by ARN.
/// </summary>
public static class DiscoveryKinds
{
    /// <summary>Key: namespace id. Partition: "". Body: <see cref="DiscoveryNamespaceRecord"/>.</summary>
    public const string Namespace = "sd-namespace";

    /// <summary>Key: service id. Partition: namespace id. Body: <see cref="DiscoveryServiceRecord"/>.</summary>
    public const string Service = "sd-service";

    /// <summary>Key: <c>{service id}|{instance id}</c>. Partition: service id. Body: <see cref="DiscoveryInstanceRecord"/>.</summary>
    public const string Instance = "sd-instance";

    /// <summary>Key: operation id. Partition: "". Body: <see cref="DiscoveryOperationRecord"/>.</summary>
    public const string Operation = "sd-operation";

    /// <summary>The key of an instance's document.</summary>
    public static string InstanceKey(string serviceId, string instanceId) => string.Concat(serviceId, "|", instanceId);
}
