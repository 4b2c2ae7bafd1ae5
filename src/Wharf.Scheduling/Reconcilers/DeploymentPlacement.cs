namespace Wharf.Scheduling.Reconcilers;

/// <summary>How many new tasks a deployment should start (placement chooses where).</summary>
/// <param name="DeploymentId">The deployment whose task definition the tasks run.</param>
/// <param name="Count">How many.</param>
public sealed record DeploymentPlacement(string DeploymentId, int Count);
