using Wharf.Protocol.Errors;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>Application Auto Scaling's error names (sender faults, HTTP 400) with AWS's wording.</summary>
internal static class ScalingErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message);

    public static AwsServiceException TargetNotFound(string serviceNamespace, string resourceId, string dimension) =>
        new("ObjectNotFoundException",
            $"No scalable target registered for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {dimension}");

    public static AwsServiceException PolicyNotFound(string serviceNamespace, string resourceId, string dimension, string name) =>
        new("ObjectNotFoundException",
            $"No scaling policy found for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {dimension}, policy name: {name}");

    public static AwsServiceException ScheduledActionNotFound(string serviceNamespace, string resourceId, string dimension, string name) =>
        new("ObjectNotFoundException",
            $"No scheduled action found for service namespace: {serviceNamespace}, resource ID: {resourceId}, scalable dimension: {dimension}, scheduled action name: {name}");

    public static AwsServiceException ServiceMissing(string resourceId) => Validation($"ECS service doesn't exist: {resourceId}");

    public static AwsServiceException ResourceNotFound(string arn) =>
        new("ResourceNotFoundException", $"No scalable target found for ARN: {arn}");

    public static AwsServiceException TooManyTags() =>
        new("TooManyTagsException", $"A scalable target can have at most {ScalingTags.MaxTags} tags.");

    /// <summary>The same target changed under a request more often than it could retry.</summary>
    public static AwsServiceException ConcurrentUpdate() =>
        new("ConcurrentUpdateException", "Concurrent updates to the same scalable target are not allowed. Retry the request.");

    public static AwsServiceException InvalidNextToken() => new("InvalidNextTokenException", "The NextToken value is not valid.");
}
