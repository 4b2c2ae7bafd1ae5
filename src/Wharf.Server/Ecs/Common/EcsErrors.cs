using Wharf.Protocol.Errors;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// The ECS errors handlers throw, with ECS's exception names and, where known, ECS's own words
/// (so scripts that match on them keep working). All are client faults (400).
/// </summary>
internal static class EcsErrors
{
    public static AwsServiceException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    /// <summary>A cluster that was deleted (INACTIVE) is named where an active one is needed.</summary>
    public static AwsServiceException ClusterInactive() =>
        new("ClusterNotFoundException", "The referenced cluster was inactive.");

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsServiceException Client(string message) => new("ClientException", message);

    /// <summary>DescribeTaskDefinition of a definition that does not exist.</summary>
    public static AwsServiceException UnableToDescribeTaskDefinition() => Client("Unable to describe task definition.");

    /// <summary>RunTask, StartTask, CreateService … naming a definition that does not exist.</summary>
    public static AwsServiceException TaskDefinitionNotFound() => Client("TaskDefinition not found.");

    /// <summary>RunTask, StartTask … naming a deregistered (INACTIVE) revision.</summary>
    public static AwsServiceException TaskDefinitionInactive() => Client("TaskDefinition is inactive");

    /// <summary>DeregisterTaskDefinition of a definition that does not exist.</summary>
    public static AwsServiceException TaskDefinitionDoesNotExist() => Client("The specified task definition does not exist.");

    public static AwsServiceException ClusterContainsContainerInstances() =>
        new("ClusterContainsContainerInstancesException", "The Cluster cannot be deleted while Container Instances are active or draining.");

    public static AwsServiceException ClusterContainsServices() =>
        new("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");

    public static AwsServiceException ClusterContainsTasks() =>
        new("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");

    public static AwsServiceException TargetNotFound(string message) => new("TargetNotFoundException", message);

    public static AwsServiceException AttributeLimitExceeded(string message) => new("AttributeLimitExceededException", message);

    public static AwsServiceException ResourceNotFound(string message) => new("ResourceNotFoundException", message);

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededException", message);

    /// <summary>A <c>nextToken</c> this server did not issue for this listing.</summary>
    public static AwsServiceException InvalidNextToken() => InvalidParameter("Invalid nextToken: pass the nextToken of the previous response unchanged.");

    /// <summary>A value outside the members of an enum, worded as ECS's validator words it.</summary>
    public static AwsServiceException NotOneOf(string member, string? value, params string[] allowed) =>
        InvalidParameter($"{value} is not a valid value for {member}: it should be one of [{string.Join(", ", allowed)}].");
}
