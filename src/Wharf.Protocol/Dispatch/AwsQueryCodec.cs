using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;
using Wharf.Protocol.Query;
using Wharf.Protocol.Validation;
using Wharf.Protocol.Xml;

namespace Wharf.Protocol.Dispatch;

/// <summary>
/// AWS Query (form-encoded requests, XML responses with a result wrapper) or, with
/// <c>ec2</c>, the EC2 variant (EC2 key names, no result wrapper, <c>&lt;requestId&gt;</c>).
/// </summary>
public sealed class AwsQueryCodec : IAwsProtocolCodec
{
    /// <summary>Creates the Query codec, or the EC2 one when <paramref name="ec2"/> is true.</summary>
    public AwsQueryCodec(bool ec2)
    {
        IsEc2 = ec2;
    }

    /// <inheritdoc />
    public string Protocol => IsEc2 ? AwsProtocols.Ec2 : AwsProtocols.Query;

    /// <summary>Whether this is the EC2 variant.</summary>
    public bool IsEc2 { get; }

    /// <inheritdoc />
    public object? ReadInput(OperationModel operation, ReadOnlySpan<byte> body) => ReadInput(operation, QueryRequest.Parse(body));

    /// <summary>Decodes an already parsed form into the operation's input type.</summary>
    /// <exception cref="AwsServiceException">A value does not parse as its member's type.</exception>
    public object? ReadInput(OperationModel operation, QueryRequest request)
    {
        if (operation.Input is not { } shape)
        {
            return null;
        }

        var reader = new QueryReader(request.Parameters, IsEc2, message => ValidationErrors.Malformed(operation.Service, message));
        return reader.ReadStructure(shape, string.Empty);
    }

    /// <inheritdoc />
    public AwsResponse WriteOutput(OperationModel operation, object? output, string requestId) =>
        new(200, "text/xml", [new(AwsErrorWriter.RequestIdHeader, requestId)], IsEc2
            ? XmlDocuments.Ec2Response(operation, output, requestId)
            : XmlDocuments.QueryResponse(operation, output, requestId));

    /// <inheritdoc />
    public AwsResponse WriteError(ServiceModel service, AwsServiceException error, string requestId) =>
        IsEc2 ? AwsErrorWriter.Ec2(error, requestId) : AwsErrorWriter.Query(error, requestId, service.Metadata.XmlNamespace);
}
