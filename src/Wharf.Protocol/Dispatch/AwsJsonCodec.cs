using Wharf.Protocol.Errors;
using Wharf.Protocol.Json;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Dispatch;

/// <summary>AWS JSON 1.0 or 1.1 (<c>application/x-amz-json-1.x</c>, operation in <c>X-Amz-Target</c>).</summary>
public sealed class AwsJsonCodec : IAwsProtocolCodec
{
    /// <summary>Creates the codec for JSON <paramref name="jsonVersion"/> (<c>1.0</c> or <c>1.1</c>).</summary>
    public AwsJsonCodec(string jsonVersion)
    {
        JsonVersion = jsonVersion;
        ContentType = "application/x-amz-json-" + jsonVersion;
    }

    /// <inheritdoc />
    public string Protocol => AwsProtocols.Json;

    /// <summary>The JSON version.</summary>
    public string JsonVersion { get; }

    /// <summary>The content type of requests and responses.</summary>
    public string ContentType { get; }

    /// <inheritdoc />
    public object? ReadInput(OperationModel operation, ReadOnlySpan<byte> body)
    {
        if (operation.InputType is not { } type)
        {
            AwsJson.EnsureWellFormed(body);
            return null;
        }

        return AwsJson.Deserialize(body, type);
    }

    /// <inheritdoc />
    public AwsResponse WriteOutput(OperationModel operation, object? output, string requestId) =>
        new(200, ContentType, [new(AwsErrorWriter.RequestIdHeader, requestId)], AwsJson.Serialize(output));

    /// <inheritdoc />
    public AwsResponse WriteError(ServiceModel service, AwsServiceException error, string requestId) =>
        AwsErrorWriter.Json(error, requestId, JsonVersion, service.Metadata.AwsQueryCompatible);
}
