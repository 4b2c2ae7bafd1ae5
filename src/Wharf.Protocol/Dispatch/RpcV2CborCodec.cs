using System.Formats.Cbor;
using Wharf.Protocol.Cbor;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Dispatch;

/// <summary>Smithy RPC v2 CBOR (<c>POST /service/&lt;prefix&gt;/operation/&lt;Op&gt;</c>, header <c>smithy-protocol: rpc-v2-cbor</c>).</summary>
public sealed class RpcV2CborCodec : IAwsProtocolCodec
{
    /// <summary>The content type of bodies.</summary>
    public const string ContentType = "application/cbor";

    /// <inheritdoc />
    public string Protocol => AwsProtocols.RpcV2Cbor;

    /// <inheritdoc />
    public object? ReadInput(OperationModel operation, ReadOnlySpan<byte> body)
    {
        if (operation.Input is not { } shape)
        {
            return null;
        }

        if (body.IsEmpty)
        {
            return shape.CreateInstance();
        }

        try
        {
            return CborShapeReader.Read(shape, body.ToArray());
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException)
        {
            throw CommonErrors.Serialization("Could not parse the CBOR request body: it is not a valid CBOR document of the expected shape.");
        }
    }

    /// <inheritdoc />
    public AwsResponse WriteOutput(OperationModel operation, object? output, string requestId) =>
        new(200, ContentType, [new(AwsErrorWriter.RequestIdHeader, requestId), new("smithy-protocol", "rpc-v2-cbor")], CborShapeWriter.Write(operation.Output, output));

    /// <inheritdoc />
    public AwsResponse WriteError(ServiceModel service, AwsServiceException error, string requestId) =>
        AwsErrorWriter.Cbor(error, requestId, service.Metadata.AwsQueryCompatible);
}
