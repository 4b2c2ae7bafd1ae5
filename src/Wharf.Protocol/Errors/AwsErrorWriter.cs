using System.Text.Json;
using Wharf.Protocol.Xml;

namespace Wharf.Protocol.Errors;

/// <summary>Writes <see cref="AwsServiceException"/> in each protocol's error shape.</summary>
public static class AwsErrorWriter
{
    /// <summary>The request id header every response carries.</summary>
    public const string RequestIdHeader = "x-amzn-RequestId";

    /// <summary>
    /// AWS JSON: <c>{"__type":"ClusterNotFoundException","message":"…"}</c> with <c>x-amzn-ErrorType</c>;
    /// with <paramref name="queryCompatible"/> also <c>x-amzn-query-error: Code;Sender</c>.
    /// </summary>
    public static AwsResponse Json(AwsServiceException error, string requestId, string jsonVersion = "1.1", bool queryCompatible = false)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonErrorBody(error.Code, error.Message), JsonErrorBodyContext.Default.JsonErrorBody);
        return new AwsResponse(error.StatusCode, "application/x-amz-json-" + jsonVersion, Headers(error, requestId, queryCompatible, "x-amzn-ErrorType"), body);
    }

    /// <summary>AWS Query: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;Sender&lt;/Type&gt;&lt;Code&gt;…&lt;/ErrorResponse&gt;</c>.</summary>
    public static AwsResponse Query(AwsServiceException error, string requestId, string? xmlNamespace = null) =>
        new(error.StatusCode, "text/xml", [new(RequestIdHeader, requestId)], XmlDocuments.QueryError(error, requestId, xmlNamespace));

    /// <summary>EC2: <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;…&lt;/Errors&gt;&lt;RequestID&gt;…</c>.</summary>
    public static AwsResponse Ec2(AwsServiceException error, string requestId) =>
        new(error.StatusCode, "text/xml;charset=UTF-8", [new(RequestIdHeader, requestId)], XmlDocuments.Ec2Error(error, requestId));

    /// <summary>Smithy RPC v2 CBOR: a CBOR map with <c>__type</c> and <c>message</c>, header <c>smithy-protocol: rpc-v2-cbor</c>.</summary>
    public static AwsResponse Cbor(AwsServiceException error, string requestId, bool queryCompatible = false)
    {
        var headers = Headers(error, requestId, queryCompatible, null);
        headers.Add(new("smithy-protocol", "rpc-v2-cbor"));
        return new AwsResponse(error.StatusCode, "application/cbor", headers, global::Wharf.Protocol.Cbor.CborErrorBody.Write(error));
    }

    private static List<KeyValuePair<string, string>> Headers(AwsServiceException error, string requestId, bool queryCompatible, string? typeHeader)
    {
        var headers = new List<KeyValuePair<string, string>> { new(RequestIdHeader, requestId) };
        if (typeHeader is not null)
        {
            headers.Add(new(typeHeader, error.Code));
        }

        if (queryCompatible)
        {
            headers.Add(new("x-amzn-query-error", error.QueryCode + ";" + (error.SenderFault ? "Sender" : "Receiver")));
        }

        return headers;
    }
}
