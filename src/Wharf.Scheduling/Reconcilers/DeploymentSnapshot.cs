namespace Wharf.Scheduling.Reconcilers;

/// <summary>One deployment of a service: the PRIMARY one or an older ACTIVE one still holding tasks.</summary>
/// <param name="Id">The deployment id (<c>ecs-svc/…</c>); tasks name it.</param>
/// <param name="TaskDefinitionArn">The task definition the deployment runs.</param>
/// <param name="CreatedAt">When it was created; older deployments' tasks are replaced first.</param>
/// <param name="RolloutState">Its rollout state.</param>
public sealed record DeploymentSnapshot(
    string Id,
    string TaskDefinitionArn,
    DateTimeOffset CreatedAt,
    DeploymentRolloutState RolloutState = DeploymentRolloutState.InProgress);
