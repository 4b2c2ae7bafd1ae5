namespace Wharf.Protocol.Errors;

/// <summary>The errors every AWS service can return, with AWS's names, statuses and wording.</summary>
public static class CommonErrors
{
    /// <summary>The request body could not be parsed, or a member had the wrong type (JSON and CBOR).</summary>
    public static AwsServiceException Serialization(string message) => new("SerializationException", message);

    /// <summary>The <c>X-Amz-Target</c> or operation path names no known operation (JSON and CBOR).</summary>
    public static AwsServiceException UnknownOperation(string? operation) =>
        new("UnknownOperationException", operation is null ? "Unknown operation." : $"Unknown operation {operation}.");

    /// <summary>The Query <c>Action</c> is missing or names no operation of the service.</summary>
    public static AwsServiceException InvalidAction(string? action) =>
        new("InvalidAction", action is null
            ? "Could not find operation: the request has no Action."
            : $"Could not find operation {action} for version.");

    /// <summary>A value in a Query request does not parse as its member's type.</summary>
    public static AwsServiceException MalformedQueryParameter(string message) => new("InvalidParameterValue", message);

    /// <summary>No <c>Authorization</c> header nor presigned query parameters.</summary>
    public static AwsServiceException MissingAuthenticationToken() =>
        new("MissingAuthenticationTokenException", "Missing Authentication Token", 403);

    /// <summary>The access key is not configured on the server.</summary>
    public static AwsServiceException UnrecognizedClient() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.", 403);

    /// <summary>The signature does not match, or the request time is too far from the server's.</summary>
    public static AwsServiceException InvalidSignature(string message) => new("InvalidSignatureException", message, 403);

    /// <summary>The <c>Authorization</c> header or presigned parameters are malformed.</summary>
    public static AwsServiceException IncompleteSignature(string message) => new("IncompleteSignatureException", message, 403);

    /// <summary>An unexpected failure inside the service; the message never carries internals.</summary>
    public static AwsServiceException InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, senderFault: false);
}
