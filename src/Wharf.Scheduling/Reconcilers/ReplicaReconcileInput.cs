namespace Wharf.Scheduling.Reconcilers;

/// <summary>What the REPLICA reconciler reads: the service's desire and the tasks it has.</summary>
public sealed record ReplicaReconcileInput
{
    /// <summary>The service's desiredCount.</summary>
    public required int DesiredCount { get; init; }

    /// <summary>deploymentConfiguration.minimumHealthyPercent.</summary>
    public int MinimumHealthyPercent { get; init; } = DeploymentConfigurationRules.ReplicaDefaultMinimumHealthyPercent;

    /// <summary>deploymentConfiguration.maximumPercent.</summary>
    public int MaximumPercent { get; init; } = DeploymentConfigurationRules.ReplicaDefaultMaximumPercent;

    /// <summary>The PRIMARY deployment: new tasks run its task definition.</summary>
    public required DeploymentSnapshot Primary { get; init; }

    /// <summary>Older deployments still holding tasks (ACTIVE).</summary>
    public IReadOnlyList<DeploymentSnapshot> OlderDeployments { get; init; } = [];

    /// <summary>The service's tasks whose desired status is RUNNING.</summary>
    public required IReadOnlyList<ServiceTaskSnapshot> Tasks { get; init; }

    /// <summary>True while the launch back-off holds new launches back (see <see cref="TaskLaunchBackoff"/>).</summary>
    public bool LaunchThrottled { get; init; }
}
