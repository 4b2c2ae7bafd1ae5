using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.AgentChannel;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Builds the wire <c>ContainerInstance</c>: resources from the record and the tasks on it,
/// <c>agentConnected</c> from the live agent sessions, task counts as ECS buckets them.
/// Thread-safe.
/// </summary>
internal sealed class ContainerInstanceMapper(AgentRegistry agents)
{
    /// <param name="instance">The record.</param>
    /// <param name="tasksOnInstance">The tasks whose containerInstanceArn is this instance (any status).</param>
    /// <param name="tags">Included when not null (DescribeContainerInstances with <c>include: TAGS</c>).</param>
    public ContainerInstance ToWire(ContainerInstanceRecord instance, IReadOnlyCollection<TaskRecord> tasksOnInstance, List<Tag>? tags = null) => new()
    {
        ContainerInstanceArn = instance.Arn,
        Ec2InstanceId = instance.Ec2InstanceId,
        CapacityProviderName = instance.CapacityProviderName,
        Version = instance.Version,
        VersionInfo = new VersionInfo { AgentVersion = instance.AgentVersion, AgentHash = null, DockerVersion = instance.DockerVersion },
        RemainingResources = InstanceResources.Remaining(instance, tasksOnInstance),
        RegisteredResources = InstanceResources.Registered(instance),
        Status = instance.Status,
        StatusReason = instance.StatusReason,
        AgentConnected = agents.IsConnected(instance.Arn),
        RunningTasksCount = tasksOnInstance.Count(TaskCounts.IsRunning),
        PendingTasksCount = tasksOnInstance.Count(TaskCounts.IsPending),
        Attributes = instance.Attributes.Select(a => new Protocol.Generated.Ecs.Attribute { Name = a.Name, Value = a.Value }).ToList(),
        RegisteredAt = instance.RegisteredAt,
        Attachments = [],
        Tags = tags,
    };
}
