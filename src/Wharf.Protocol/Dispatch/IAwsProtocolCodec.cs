using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Dispatch;

/// <summary>
/// One wire protocol: decodes request bodies into generated input types and encodes outputs
/// and errors. Implementations are stateless and thread-safe.
/// </summary>
public interface IAwsProtocolCodec
{
    /// <summary>The protocol name (<see cref="AwsProtocols"/>).</summary>
    string Protocol { get; }

    /// <summary>
    /// Decodes <paramref name="body"/> into an instance of <see cref="OperationModel.InputType"/>
    /// (an empty instance for an empty body), or null when the operation takes no input.
    /// For Query and EC2 the body is the form (POST body or GET query string).
    /// </summary>
    /// <exception cref="AwsServiceException">The body does not decode (a 400, never a 500).</exception>
    object? ReadInput(OperationModel operation, ReadOnlySpan<byte> body);

    /// <summary>Encodes a successful result (200).</summary>
    AwsResponse WriteOutput(OperationModel operation, object? output, string requestId);

    /// <summary>Encodes an error in this protocol's error shape.</summary>
    AwsResponse WriteError(ServiceModel service, AwsServiceException error, string requestId);
}
