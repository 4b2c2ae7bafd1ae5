using System.Text.Json.Nodes;

namespace Wharf.Core.Model;

/// <summary>
/// An ECS service: what the user asked for (desired count, deployment configuration, placement)
/// and what the service controller keeps (counts, deployments, events). The API writes the
/// desire; the controller writes the rest; both commit with the store version they read.
/// Wire-only sub-structures are kept as the JSON the API accepted.
/// </summary>
public sealed record ServiceRecord
{
    /// <summary>The most events a service keeps (ECS shows the latest 100).</summary>
    public const int MaxEvents = 100;

    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string ClusterArn { get; init; }
    /// <summary>ACTIVE, DRAINING (being deleted) or INACTIVE (deleted).</summary>
    public required string Status { get; init; }
    public required int DesiredCount { get; init; }
    /// <summary>REPLICA or DAEMON.</summary>
    public string SchedulingStrategy { get; init; } = "REPLICA";
    public string LaunchType { get; init; } = "EC2";
    /// <summary>The capacity provider strategy the tasks are split by (empty when a launch type was given).</summary>
    public IReadOnlyList<CapacityProviderStrategyRecord> CapacityProviderStrategy { get; init; } = [];
    /// <summary>The Fargate platform version asked for (<c>LATEST</c> when none was); null for the other launch types.</summary>
    public string? PlatformVersion { get; init; }
    /// <summary>The PRIMARY deployment's task definition ARN.</summary>
    public required string TaskDefinitionArn { get; init; }
    public required int MinimumHealthyPercent { get; init; }
    public required int MaximumPercent { get; init; }
    public bool CircuitBreakerEnable { get; init; }
    public bool CircuitBreakerRollback { get; init; }
    /// <summary><c>placementConstraints</c> as the API took them (wire JSON).</summary>
    public JsonArray? PlacementConstraints { get; init; }
    /// <summary><c>placementStrategy</c> as the API took it (wire JSON).</summary>
    public JsonArray? PlacementStrategy { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    /// <summary>The target groups the service's tasks register with (<c>loadBalancers</c>).</summary>
    public IReadOnlyList<ServiceLoadBalancerRecord> LoadBalancers { get; init; } = [];
    /// <summary>The Cloud Map services the service's tasks register with (<c>serviceRegistries</c>).</summary>
    public IReadOnlyList<ServiceRegistryRecord> ServiceRegistries { get; init; } = [];
    public string? PropagateTags { get; init; }
    /// <summary><c>availabilityZoneRebalancing</c>: ENABLED or DISABLED (null: never set, which ECS treats as DISABLED).</summary>
    public string? AvailabilityZoneRebalancing { get; init; }
    public bool EnableEcsManagedTags { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    /// <summary>PRIMARY first, then older ACTIVE ones newest first, as ECS lists them.</summary>
    public required IReadOnlyList<DeploymentRecord> Deployments { get; init; }
    /// <summary>Newest first, at most <see cref="MaxEvents"/>.</summary>
    public IReadOnlyList<ServiceEventRecord> Events { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public string? ClientToken { get; init; }
    /// <summary>Launches that failed to reach RUNNING since the last one that did (the launch back-off).</summary>
    public int ConsecutiveLaunchFailures { get; init; }
    /// <summary>No new task is launched before this instant (the launch back-off).</summary>
    public DateTimeOffset? NextLaunchAt { get; init; }
    /// <summary>When the last launch failure was counted; a task started after it resets the back-off.</summary>
    public DateTimeOffset? LastLaunchFailureAt { get; init; }
    /// <summary>Tasks that stopped on their own and were already counted as failures (pruned as tasks go).</summary>
    public IReadOnlyList<string> AccountedTaskArns { get; init; } = [];
    /// <summary>When the API last changed the service.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    /// <summary>The last message the controller wrote for a recurring condition, so it is not repeated every pass.</summary>
    public string? LastConditionMessage { get; init; }
    public DateTimeOffset? LastConditionAt { get; init; }

    /// <summary>The PRIMARY deployment.</summary>
    public DeploymentRecord Primary => Deployments[0];

    /// <summary>The record with <paramref name="message"/> as its newest event (oldest dropped past the cap).</summary>
    public ServiceRecord WithEvent(string id, DateTimeOffset at, string message) =>
        this with { Events = [new ServiceEventRecord(id, at, message), .. Events.Take(MaxEvents - 1)] };
}
