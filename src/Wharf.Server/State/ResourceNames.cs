using System.Security.Cryptography;

namespace Wharf.Server.State;

/// <summary>
/// Formats this server's long-format ECS ARNs (region and account from the server's options)
/// and mints resource ids.
/// </summary>
internal sealed class ResourceNames(WharfServerOptions options)
{
    public string Region => options.Region;

    public string AccountId => options.AccountId;

    private string Prefix => $"arn:aws:ecs:{options.Region}:{options.AccountId}:";

    public string Cluster(string name) => $"{Prefix}cluster/{name}";

    public string Task(string clusterName, string id) => $"{Prefix}task/{clusterName}/{id}";

    public string ContainerInstance(string clusterName, string id) => $"{Prefix}container-instance/{clusterName}/{id}";

    public string Container(string clusterName, string taskId, string id) => $"{Prefix}container/{clusterName}/{taskId}/{id}";

    public string TaskDefinition(string family, int revision) => $"{Prefix}task-definition/{family}:{revision}";

    public string Service(string clusterName, string name) => $"{Prefix}service/{clusterName}/{name}";

    /// <summary>The name part of a cluster ARN.</summary>
    public static string ClusterNameOf(string clusterArn) => clusterArn[(clusterArn.LastIndexOf('/') + 1)..];

    /// <summary>The last path segment of an ARN (task id, instance id, …).</summary>
    public static string LastSegment(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>32 lowercase hex characters, as ECS task and container instance ids are.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
