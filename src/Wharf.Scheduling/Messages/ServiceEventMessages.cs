using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Messages;

/// <summary>
/// Service event messages worded as ECS words them (ECS developer guide, "Service event
/// messages"), so scripts and people that grep for them find them.
/// </summary>
public static class ServiceEventMessages
{
    private const string Troubleshooting = "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.";

    /// <summary><c>service X has reached a steady state.</c></summary>
    public static string SteadyState(string serviceName) => $"service {serviceName} has reached a steady state.";

    /// <summary>
    /// <c>service X was unable to place a task because no container instance met all of its
    /// requirements. The closest matching container-instance ID has insufficient memory
    /// available. For more information, …</c>, with the detail chosen by the closest match's reason.
    /// </summary>
    public static string UnableToPlace(string serviceName, PlacementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var head = $"service {serviceName} was unable to place a task because no container instance met all of its requirements.";
        if (result.NoContainerInstances)
        {
            return $"{head} Reason: No Container Instances were found in your cluster. {Troubleshooting}";
        }

        return result.ClosestMatch is { } closest
            ? $"{head} The closest matching container-instance {closest.ContainerInstanceId} {Detail(closest.Reason)}. {Troubleshooting}"
            : $"{head} {Troubleshooting}";
    }

    /// <summary>The event for FARGATE tasks the Fargate capacity cannot take (its hosts are not the user's to name).</summary>
    public static string UnableToPlaceOnFargate(string serviceName) =>
        $"service {serviceName} was unable to place a task. Reason: Capacity is unavailable at this time. " +
        "Please try again later or in a different availability zone.";

    /// <summary><c>service X is unable to consistently start tasks successfully.</c> (launch back-off engaged).</summary>
    public static string UnableToConsistentlyStartTasks(string serviceName) =>
        $"service {serviceName} is unable to consistently start tasks successfully.";

    /// <summary>The event for a rollout that the minimum/maximum percent leave no room to move.</summary>
    public static string BlockedByDeploymentConfiguration(string serviceName) =>
        $"service {serviceName} was unable to stop or start tasks during a deployment because of the service deployment configuration. " +
        "Update the minimumHealthyPercent or maximumPercent value and try again.";

    /// <summary>The phrase that follows "The closest matching container-instance ID" for a failure reason.</summary>
    public static string Detail(string reason) => reason switch
    {
        PlacementFailureReasons.Cpu => "has insufficient CPU units available",
        PlacementFailureReasons.Memory => "has insufficient memory available",
        PlacementFailureReasons.Ports => "is already using a port required by your task",
        PlacementFailureReasons.Attribute => "is missing an attribute required by your task",
        _ => $"encountered error \"{reason}\"",
    };
}
