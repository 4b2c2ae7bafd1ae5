using Wharf.Protocol.Model;

namespace Wharf.Protocol.Dispatch;

/// <summary>The codec instances, one per protocol.</summary>
public static class AwsProtocolCodecs
{
    /// <summary>AWS JSON 1.0.</summary>
    public static AwsJsonCodec Json10 { get; } = new("1.0");

    /// <summary>AWS JSON 1.1.</summary>
    public static AwsJsonCodec Json11 { get; } = new("1.1");

    /// <summary>AWS Query.</summary>
    public static AwsQueryCodec Query { get; } = new(ec2: false);

    /// <summary>EC2 Query.</summary>
    public static AwsQueryCodec Ec2 { get; } = new(ec2: true);

    /// <summary>Smithy RPC v2 CBOR.</summary>
    public static RpcV2CborCodec RpcV2Cbor { get; } = new();

    /// <summary>The JSON codec of the service's JSON version (1.1 when the model gives none).</summary>
    public static AwsJsonCodec JsonFor(ServiceModel service) => service.Metadata.JsonVersion == "1.0" ? Json10 : Json11;

    /// <summary>The Query or EC2 codec the service speaks over forms, or null when it speaks neither.</summary>
    public static AwsQueryCodec? FormFor(ServiceModel service) =>
        service.Speaks(AwsProtocols.Ec2) ? Ec2 : service.Speaks(AwsProtocols.Query) ? Query : null;
}
