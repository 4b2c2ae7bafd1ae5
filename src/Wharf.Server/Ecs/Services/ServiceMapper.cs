using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using EcsLoadBalancer = Wharf.Protocol.Generated.Ecs.LoadBalancer;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Services;

/// <summary>Builds the wire <c>Service</c> from a record.</summary>
internal static class ServiceMapper
{
    public static Service ToWire(ServiceRecord record, List<Tag>? tags)
    {
        var daemon = record.SchedulingStrategy == ServiceValidation.Daemon;
        return new Service
        {
            ServiceArn = record.Arn,
            ServiceName = record.Name,
            ClusterArn = record.ClusterArn,
            Status = record.Status,
            DesiredCount = record.DesiredCount,
            RunningCount = record.RunningCount,
            PendingCount = record.PendingCount,
            // A service that goes by a capacity provider strategy shows the strategy, not a launch type.
            LaunchType = record.CapacityProviderStrategy.Count > 0 ? null : record.LaunchType,
            CapacityProviderStrategy = record.CapacityProviderStrategy.Count > 0 ? CapacityProviderStrategies.ToWire(record.CapacityProviderStrategy) : null,
            PlatformVersion = record.LaunchType == FargateCapacity.LaunchType ? record.PlatformVersion ?? FargateCapacity.Latest : null,
            PlatformFamily = record.LaunchType == FargateCapacity.LaunchType ? FargateCapacity.PlatformFamily : null,
            TaskDefinition = record.TaskDefinitionArn,
            DeploymentConfiguration = new DeploymentConfiguration
            {
                DeploymentCircuitBreaker = daemon
                    ? null
                    : new DeploymentCircuitBreaker { Enable = record.CircuitBreakerEnable, Rollback = record.CircuitBreakerRollback },
                MaximumPercent = record.MaximumPercent,
                MinimumHealthyPercent = record.MinimumHealthyPercent,
            },
            Deployments = record.Deployments.Select(ToWire).ToList(),
            Events = record.Events.Select(e => new ServiceEvent { Id = e.Id, CreatedAt = e.CreatedAt, Message = e.Message }).ToList(),
            CreatedAt = record.CreatedAt,
            CreatedBy = record.CreatedBy,
            PlacementConstraints = WireJson.FromNode<List<PlacementConstraint>>(record.PlacementConstraints) ?? [],
            PlacementStrategy = WireJson.FromNode<List<PlacementStrategy>>(record.PlacementStrategy) ?? [],
            HealthCheckGracePeriodSeconds = record.HealthCheckGracePeriodSeconds,
            SchedulingStrategy = record.SchedulingStrategy,
            DeploymentController = new DeploymentController { Type = "ECS" },
            LoadBalancers = ToWire(record.LoadBalancers),
            ServiceRegistries = ToWire(record.ServiceRegistries),
            Tags = tags,
            EnableECSManagedTags = record.EnableEcsManagedTags,
            PropagateTags = record.PropagateTags ?? "NONE",
            AvailabilityZoneRebalancing = record.AvailabilityZoneRebalancing ?? "DISABLED",
            EnableExecuteCommand = record.EnableExecuteCommand,
            NetworkConfiguration = AwsvpcNetworks.ToWire(record.Primary.NetworkConfiguration),
        };
    }

    public static List<EcsLoadBalancer> ToWire(IEnumerable<ServiceLoadBalancerRecord> loadBalancers) =>
        loadBalancers.Select(l => new EcsLoadBalancer { TargetGroupArn = l.TargetGroupArn, ContainerName = l.ContainerName, ContainerPort = l.ContainerPort })
            .ToList();

    public static List<ServiceRegistry> ToWire(IEnumerable<ServiceRegistryRecord> registries) =>
        registries.Select(r => new ServiceRegistry { RegistryArn = r.RegistryArn, ContainerName = r.ContainerName, ContainerPort = r.ContainerPort, Port = r.Port })
            .ToList();

    public static Deployment ToWire(DeploymentRecord deployment) => new()
    {
        Id = deployment.Id,
        Status = deployment.Status,
        TaskDefinition = deployment.TaskDefinitionArn,
        DesiredCount = deployment.DesiredCount,
        PendingCount = deployment.PendingCount,
        RunningCount = deployment.RunningCount,
        FailedTasks = deployment.FailedTasks,
        CreatedAt = deployment.CreatedAt,
        UpdatedAt = deployment.UpdatedAt,
        LaunchType = deployment.CapacityProviderStrategy.Count > 0 ? null : deployment.LaunchType,
        CapacityProviderStrategy = deployment.CapacityProviderStrategy.Count > 0 ? CapacityProviderStrategies.ToWire(deployment.CapacityProviderStrategy) : null,
        PlatformVersion = deployment.LaunchType == FargateCapacity.LaunchType ? deployment.PlatformVersion ?? FargateCapacity.Latest : null,
        PlatformFamily = deployment.LaunchType == FargateCapacity.LaunchType ? FargateCapacity.PlatformFamily : null,
        RolloutState = deployment.RolloutState,
        RolloutStateReason = deployment.RolloutStateReason,
        NetworkConfiguration = AwsvpcNetworks.ToWire(deployment.NetworkConfiguration),
    };
}
