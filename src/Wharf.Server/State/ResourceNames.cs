using Wharf.Core.Arns;

namespace Wharf.Server.State;

/// <summary>
/// This server's long-format ECS ARNs (region and account from the server's options) and new
/// resource ids: a thin binding of Core's <see cref="ArnFormatter"/> and <see cref="EcsIdGenerator"/>
/// to <see cref="WharfServerOptions"/>, so the server has one place that knows its account.
/// </summary>
internal sealed class ResourceNames(WharfServerOptions options)
{
    private readonly ArnFormatter arns = new(new AccountContext(options.Region, options.AccountId));

    public string Region => options.Region;

    public string AccountId => options.AccountId;

    public string Cluster(string name) => arns.ClusterArn(name);

    /// <summary>The store partition (and cluster part of the instance ARNs) of the Fargate capacity pool.</summary>
    public string FargatePool => arns.ClusterArn(Wharf.Core.Model.FargateCapacity.PoolName);

    public string Task(string clusterName, string id) => arns.TaskArn(clusterName, id);

    public string ContainerInstance(string clusterName, string id) => arns.ContainerInstanceArn(clusterName, id);

    public string Container(string clusterName, string taskId, string id) => arns.ContainerArn(clusterName, taskId, id);

    public string TaskDefinition(string family, int revision) => arns.TaskDefinitionArn(family, revision);

    public string Service(string clusterName, string name) => arns.ServiceArn(clusterName, name);

    /// <summary>The name part of a cluster ARN.</summary>
    public static string ClusterNameOf(string clusterArn) => LastSegment(clusterArn);

    /// <summary>The last path segment of an ARN (task id, instance id, …).</summary>
    public static string LastSegment(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>32 lowercase hex characters, as ECS task and container instance ids are.</summary>
    public static string NewId() => EcsIdGenerator.Random.NewTaskId();
}
