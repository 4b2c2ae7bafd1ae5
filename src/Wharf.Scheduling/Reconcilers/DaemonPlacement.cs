namespace Wharf.Scheduling.Reconcilers;

/// <summary>A daemon task to start on a given instance.</summary>
/// <param name="DeploymentId">The deployment whose task definition it runs.</param>
/// <param name="ContainerInstanceArn">The instance.</param>
public sealed record DaemonPlacement(string DeploymentId, string ContainerInstanceArn);
