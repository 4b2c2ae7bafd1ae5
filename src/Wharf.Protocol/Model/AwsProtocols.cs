namespace Wharf.Protocol.Model;

/// <summary>The protocol names used in a model's <c>metadata.protocols</c>.</summary>
public static class AwsProtocols
{
    /// <summary>AWS JSON 1.0 / 1.1 (the version is in <see cref="ServiceMetadata.JsonVersion"/>).</summary>
    public const string Json = "json";

    /// <summary>AWS Query: form-encoded requests, XML responses.</summary>
    public const string Query = "query";

    /// <summary>EC2 Query: Query requests with EC2 naming, XML responses without a result wrapper.</summary>
    public const string Ec2 = "ec2";

    /// <summary>Smithy RPC v2 CBOR.</summary>
    public const string RpcV2Cbor = "smithy-rpc-v2-cbor";
}
