using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// The task definition a service runs, checked as ECS checks it for a service: it must exist
/// (ClientException "TaskDefinition not found."), be ACTIVE ("TaskDefinition is inactive"), allow
/// EC2 and use a network mode the instances give tasks. Also mints deployments. Stateless.
/// </summary>
internal sealed class ServiceDefinitions(TaskDefinitionResolver definitions, EcsIdGenerator ids)
{
    public async ValueTask<TaskBlueprint> ResolveAsync(string? reference, NetworkConfiguration? network, CancellationToken cancellationToken)
    {
        var record = (await definitions.ResolveAsync(reference, cancellationToken)).Value;
        if (record.Status != EcsStatus.Active)
        {
            throw EcsErrors.TaskDefinitionInactive();
        }

        var blueprint = TaskBlueprint.Create(record);
        if (blueprint.Definition.Compatibilities is { Count: > 0 } compatibilities && !compatibilities.Contains("EC2", StringComparer.Ordinal))
        {
            throw EcsErrors.InvalidParameter("Task definition does not support launch_type EC2.");
        }

        if (blueprint.NetworkMode == "awsvpc")
        {
            throw network?.AwsvpcConfiguration is null
                ? EcsErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.")
                : EcsErrors.InvalidParameter(
                    "The awsvpc network mode is not supported on this cluster's container instances: use bridge, host or none.");
        }

        if (network is not null)
        {
            throw EcsErrors.InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }

        return blueprint;
    }

    /// <summary>A new PRIMARY deployment, IN_PROGRESS.</summary>
    public DeploymentRecord NewDeployment(string taskDefinitionArn, int desiredCount, DateTimeOffset now, string? reason = null) =>
        NewDeployment(ids, taskDefinitionArn, desiredCount, now, reason);

    /// <inheritdoc cref="NewDeployment(string, int, DateTimeOffset, string?)"/>
    public static DeploymentRecord NewDeployment(
        EcsIdGenerator ids, string taskDefinitionArn, int desiredCount, DateTimeOffset now, string? reason = null)
    {
        var id = ids.NewDeploymentId();
        return new DeploymentRecord
        {
            Id = id,
            Status = DeploymentStatuses.Primary,
            TaskDefinitionArn = taskDefinitionArn,
            DesiredCount = desiredCount,
            CreatedAt = now,
            UpdatedAt = now,
            RolloutState = DeploymentStatuses.InProgress,
            RolloutStateReason = reason ?? $"ECS deployment {id} in progress.",
        };
    }
}
