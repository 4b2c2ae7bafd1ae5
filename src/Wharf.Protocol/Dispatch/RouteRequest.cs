namespace Wharf.Protocol.Dispatch;

/// <summary>What <see cref="AwsRequestRouter"/> needs to know about an HTTP request.</summary>
public sealed record RouteRequest
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The request path (<c>/</c>, or <c>/service/X/operation/Y</c> for RPC v2 CBOR).</summary>
    public string Path { get; init; } = "/";

    /// <summary>The raw query string, with or without <c>?</c> (Query protocol GET requests).</summary>
    public string? QueryString { get; init; }

    /// <summary>The <c>Content-Type</c> header.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>X-Amz-Target</c> header.</summary>
    public string? Target { get; init; }

    /// <summary>The <c>smithy-protocol</c> header.</summary>
    public string? SmithyProtocol { get; init; }

    /// <summary>The service of the SigV4 credential scope, once verified (selects among Query services).</summary>
    public string? SigningService { get; init; }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }
}
