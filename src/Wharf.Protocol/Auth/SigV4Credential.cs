namespace Wharf.Protocol.Auth;

/// <summary>The parsed signature parameters, from the <c>Authorization</c> header or presigned query parameters.</summary>
internal sealed record SigV4Credential(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string SignedHeaders,
    string Signature,
    string Timestamp,
    long? ExpiresSeconds)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";
}
