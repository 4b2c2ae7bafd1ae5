namespace Wharf.Server.Api;

/// <summary>Who called, and where, for one request.</summary>
/// <param name="RequestId">Echoed as <c>x-amzn-RequestId</c>.</param>
/// <param name="AccessKeyId">The SigV4 key that signed the request.</param>
/// <param name="Region">The region of the request's credential scope.</param>
internal sealed record OperationContext(string RequestId, string AccessKeyId, string Region);
