using Wharf.Protocol.Errors;

namespace Wharf.Server.Logs.Common;

/// <summary>CloudWatch Logs' error names and wording (all sender faults, HTTP 400).</summary>
internal static class LogsErrors
{
    public static AwsServiceException GroupNotFound() =>
        new("ResourceNotFoundException", "The specified log group does not exist.");

    public static AwsServiceException StreamNotFound() =>
        new("ResourceNotFoundException", "The specified log stream does not exist.");

    public static AwsServiceException ResourceNotFound(string arn) =>
        new("ResourceNotFoundException", $"The specified resource does not exist: {arn}");

    public static AwsServiceException GroupExists() =>
        new("ResourceAlreadyExistsException", "The specified log group already exists");

    public static AwsServiceException StreamExists() =>
        new("ResourceAlreadyExistsException", "The specified log stream already exists");

    public static AwsServiceException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsServiceException InvalidNextToken() => InvalidParameter("The specified nextToken is invalid.");

    public static AwsServiceException TooManyTags(int max) =>
        new("TooManyTagsException", $"A resource can have no more than {max} tags.");

    public static AwsServiceException OperationAborted(string message) => new("OperationAbortedException", message);
}
