namespace Wharf.Protocol.Auth;

/// <summary>
/// The parts of an HTTP request that SigV4 signs, as received on the wire. The path and query
/// string must be raw (still percent-encoded, as in the request line), not decoded.
/// </summary>
public sealed record SigV4Request
{
    /// <summary>The HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>The raw request path, e.g. <c>/</c> or <c>/service/X/operation/Y</c>.</summary>
    public required string RawPath { get; init; }

    /// <summary>The raw query string, with or without the leading <c>?</c>; null or empty when none.</summary>
    public string? RawQueryString { get; init; }

    /// <summary>Every header; a header sent several times appears several times.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body bytes (hashed unless <see cref="PayloadHash"/> is given).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The hex SHA-256 of the body when the caller computed it already (then <see cref="Body"/> is not read).</summary>
    public string? PayloadHash { get; init; }
}
