namespace Wharf.Scheduling.Placement;

/// <summary>Why one container instance could not take a task: an ECS <c>failures</c> entry.</summary>
/// <param name="ContainerInstanceArn">The instance ARN (the entry's <c>arn</c>).</param>
/// <param name="ContainerInstanceId">The instance id, as service events name it.</param>
/// <param name="Reason">One of <see cref="PlacementFailureReasons"/>.</param>
public sealed record PlacementFailure(string ContainerInstanceArn, string ContainerInstanceId, string Reason);
