using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;
using Wharf.Protocol.Query;

namespace Wharf.Protocol.Dispatch;

/// <summary>
/// Where a request goes: the service, operation and codec; or the error to answer, with the
/// codec to write it in. <see cref="Codec"/> is always set.
/// </summary>
public sealed record RouteResult
{
    /// <summary>The codec to decode the input and encode the answer with.</summary>
    public required IAwsProtocolCodec Codec { get; init; }

    /// <summary>The service, when known.</summary>
    public ServiceModel? Service { get; init; }

    /// <summary>The operation, when resolved.</summary>
    public OperationModel? Operation { get; init; }

    /// <summary>The parsed form of a Query/EC2 request (pass it to <see cref="AwsQueryCodec.ReadInput(OperationModel, QueryRequest)"/>).</summary>
    public QueryRequest? Form { get; init; }

    /// <summary>The error to answer when the request cannot be routed.</summary>
    public AwsServiceException? Error { get; init; }

    /// <summary>Whether the request resolved to an operation.</summary>
    public bool Succeeded => Error is null && Service is not null && Operation is not null;

    /// <summary>Decodes the request's input with the resolved codec (reusing the parsed form for Query).</summary>
    /// <exception cref="AwsServiceException">The body does not decode.</exception>
    public object? ReadInput(ReadOnlySpan<byte> body)
    {
        var operation = Operation ?? throw new InvalidOperationException("The request did not resolve to an operation.");
        return Form is not null && Codec is AwsQueryCodec query ? query.ReadInput(operation, Form) : Codec.ReadInput(operation, body);
    }
}
