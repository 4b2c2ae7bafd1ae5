using Wharf.Protocol.Errors;

namespace Wharf.Server.CloudWatch.Common;

/// <summary>CloudWatch's errors: modelled shape names with the Query codes AWS sends, and AWS's wording.</summary>
internal static class CloudWatchErrors
{
    public static AwsServiceException InvalidParameterValue(string message) =>
        new("InvalidParameterValueException", message) { QueryCode = "InvalidParameterValue" };

    public static AwsServiceException InvalidParameterCombination(string message) =>
        new("InvalidParameterCombinationException", message) { QueryCode = "InvalidParameterCombination" };

    public static AwsServiceException MissingParameter(string message) =>
        new("MissingRequiredParameterException", message) { QueryCode = "MissingParameter" };

    public static AwsServiceException AlarmNotFound(string name) =>
        new("ResourceNotFound", $"Alarm {name} not found", 404);

    public static AwsServiceException ResourceNotFoundException(string message) =>
        new("ResourceNotFoundException", message, 404);

    public static AwsServiceException InvalidNextToken() => new("InvalidNextToken", "The next token specified is invalid.");

    public static AwsServiceException InvalidFormat(string message) => new("InvalidFormatFault", message) { QueryCode = "InvalidFormat" };

    public static AwsServiceException LimitExceeded(string message) => new("LimitExceededFault", message) { QueryCode = "LimitExceeded" };
}
