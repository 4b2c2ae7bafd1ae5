using Wharf.Scheduling.Model;

namespace Wharf.Scheduling.Reconcilers;

/// <summary>What the DAEMON reconciler reads: the cluster, the daemon's placement needs, its tasks.</summary>
public sealed record DaemonReconcileInput
{
    /// <summary>The cluster's instances.</summary>
    public required IReadOnlyList<InstanceSnapshot> Instances { get; init; }

    /// <summary>
    /// The daemon task's reservation and constraints (<see cref="PlacementRequest.Count"/> and
    /// strategies are ignored: a daemon goes on every eligible instance).
    /// </summary>
    public required PlacementRequest Request { get; init; }

    /// <summary>The PRIMARY deployment.</summary>
    public required DeploymentSnapshot Primary { get; init; }

    /// <summary>Older deployments still holding tasks.</summary>
    public IReadOnlyList<DeploymentSnapshot> OlderDeployments { get; init; } = [];

    /// <summary>The daemon's tasks whose desired status is RUNNING.</summary>
    public required IReadOnlyList<ServiceTaskSnapshot> Tasks { get; init; }

    /// <summary>deploymentConfiguration.minimumHealthyPercent (DAEMON default 0).</summary>
    public int MinimumHealthyPercent { get; init; } = DeploymentConfigurationRules.DaemonDefaultMinimumHealthyPercent;

    /// <summary>True while the launch back-off holds new launches back.</summary>
    public bool LaunchThrottled { get; init; }
}
