using Wharf.Protocol.Errors;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>The errors only the task operations raise, worded as ECS words them where known.</summary>
internal static class TaskErrors
{
    /// <summary>StopTask of a task the cluster does not have.</summary>
    public static AwsServiceException TaskNotFound() => EcsErrors.InvalidParameter("The referenced task was not found.");

    /// <summary>RunTask on a cluster without an ACTIVE container instance.</summary>
    public static AwsServiceException NoContainerInstances() =>
        EcsErrors.InvalidParameter("No Container Instances were found in your cluster.");

    /// <summary>A <c>clientToken</c> reused with other parameters (ECS's <c>resourceIds</c> are named in the message).</summary>
    public static AwsServiceException ClientTokenConflict(IReadOnlyList<string> existingTaskArns) =>
        new("ConflictException",
            "The provided clientToken is already in use with a different RunTask request. "
            + $"Tasks already associated with it: [{string.Join(", ", existingTaskArns)}].");

    public static AwsServiceException LaunchTypeNotSupportedByDefinition(string launchType) =>
        EcsErrors.InvalidParameter($"Task definition does not support launch_type {launchType}.");

    /// <summary>MANAGED_INSTANCES, or a capacity provider other than Fargate's: there is no such capacity here.</summary>
    public static AwsServiceException NoCapacityFor(string capacity) =>
        new("UnsupportedFeatureException",
            $"The specified task isn't supported in this Region: this endpoint has no {capacity} capacity. "
            + "Wharf provides FARGATE and FARGATE_SPOT capacity and runs EC2 and EXTERNAL tasks on the cluster's container instances.");

    /// <summary>The reason RunTask gives for a FARGATE task no Fargate capacity can take, as Fargate words it.</summary>
    public const string FargateCapacityUnavailable = "Capacity is unavailable at this time. Please try again later or in a different availability zone";

    public static AwsServiceException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");
}
