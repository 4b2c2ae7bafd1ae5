namespace Wharf.Scheduling.Placement;

/// <summary>Where one task goes.</summary>
/// <param name="ContainerInstanceArn">The chosen instance ARN.</param>
/// <param name="ContainerInstanceId">The chosen instance id.</param>
public sealed record TaskPlacement(string ContainerInstanceArn, string ContainerInstanceId);
