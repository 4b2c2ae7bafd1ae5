namespace Wharf.Protocol;

/// <summary>An encoded response: status, content type, extra headers and body bytes, ready to copy to HTTP.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The <c>Content-Type</c> header value.</param>
/// <param name="Headers">Extra headers (<c>x-amzn-RequestId</c>, <c>x-amzn-ErrorType</c>, <c>smithy-protocol</c>, …).</param>
/// <param name="Body">The body bytes.</param>
public sealed record AwsResponse(int StatusCode, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
