using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// The task definition a service runs, checked as ECS checks it for a service: it must exist
/// (ClientException "TaskDefinition not found."), be ACTIVE ("TaskDefinition is inactive"), allow
/// the service's launch type; and the <c>networkConfiguration</c> its network mode needs (see <see cref="AwsvpcNetworks"/>).
/// Also mints deployments. Stateless.
/// </summary>
internal sealed class ServiceDefinitions(TaskDefinitionResolver definitions, AwsvpcNetworks networks, EcsIdGenerator ids)
{
    public async ValueTask<TaskBlueprint> ResolveAsync(string? reference, string launchType, CancellationToken cancellationToken)
    {
        var record = (await definitions.ResolveAsync(reference, cancellationToken)).Value;
        if (record.Status != EcsStatus.Active)
        {
            throw EcsErrors.TaskDefinitionInactive();
        }

        var blueprint = TaskBlueprint.Create(record);
        if (blueprint.Definition.Compatibilities is { Count: > 0 } compatibilities && !compatibilities.Contains(launchType, StringComparer.Ordinal))
        {
            throw EcsErrors.InvalidParameter($"Task definition does not support launch_type {launchType}.");
        }

        return blueprint;
    }

    /// <summary>
    /// The network configuration for <paramref name="blueprint"/>: required for <c>awsvpc</c>, refused
    /// for the other modes; null when the definition takes none.
    /// </summary>
    public ValueTask<AwsvpcConfigurationRecord?> NetworkAsync(
        TaskBlueprint blueprint, NetworkConfiguration? network, string launchType, CancellationToken cancellationToken) =>
        networks.ResolveAsync(blueprint.NetworkMode, network, launchType, cancellationToken);

    /// <summary>A new PRIMARY deployment, IN_PROGRESS, whose tasks launch as <paramref name="launch"/> says.</summary>
    public DeploymentRecord NewDeployment(
        string taskDefinitionArn, int desiredCount, DateTimeOffset now, DeploymentLaunch launch, string? reason = null) =>
        NewDeployment(ids, taskDefinitionArn, desiredCount, now, launch, reason);

    /// <inheritdoc cref="NewDeployment(string, int, DateTimeOffset, DeploymentLaunch, string?)"/>
    public static DeploymentRecord NewDeployment(
        EcsIdGenerator ids, string taskDefinitionArn, int desiredCount, DateTimeOffset now, DeploymentLaunch launch, string? reason = null)
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
            NetworkConfiguration = launch.Network,
            LaunchType = launch.LaunchType,
            CapacityProviderStrategy = launch.CapacityProviderStrategy,
            PlatformVersion = launch.PlatformVersion,
        };
    }
}

/// <summary>How a deployment's tasks launch: their network, launch type, capacity provider strategy and platform version.</summary>
internal sealed record DeploymentLaunch(
    AwsvpcConfigurationRecord? Network,
    string LaunchType,
    IReadOnlyList<CapacityProviderStrategyRecord> CapacityProviderStrategy,
    string? PlatformVersion)
{
    /// <summary>How <paramref name="deployment"/>'s tasks launch (a rollback launches as the deployment it returns to).</summary>
    public static DeploymentLaunch Of(DeploymentRecord deployment) =>
        new(deployment.NetworkConfiguration, deployment.LaunchType, deployment.CapacityProviderStrategy, deployment.PlatformVersion);
}
