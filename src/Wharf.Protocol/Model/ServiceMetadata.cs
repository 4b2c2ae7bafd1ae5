namespace Wharf.Protocol.Model;

/// <summary>The <c>metadata</c> block of a service model.</summary>
public sealed record ServiceMetadata
{
    /// <summary>The C# name of the service (the generated namespace suffix), e.g. <c>Ecs</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The model's <c>serviceId</c>, e.g. <c>ECS</c>.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The API version, e.g. <c>2014-11-13</c> (the Query <c>Version</c> field).</summary>
    public required string ApiVersion { get; init; }

    /// <summary>The protocols the service speaks, in the model's order of preference
    /// (<see cref="AwsProtocols"/> names: <c>json</c>, <c>query</c>, <c>ec2</c>, <c>smithy-rpc-v2-cbor</c>).</summary>
    public required IReadOnlyList<string> Protocols { get; init; }

    /// <summary>The JSON <c>X-Amz-Target</c> prefix, if the service speaks JSON.</summary>
    public string? TargetPrefix { get; init; }

    /// <summary>The JSON version (<c>1.0</c> or <c>1.1</c>), if the service speaks JSON.</summary>
    public string? JsonVersion { get; init; }

    /// <summary>The XML namespace of Query/EC2 responses.</summary>
    public string? XmlNamespace { get; init; }

    /// <summary>The SigV4 signing name (the credential scope's service).</summary>
    public required string SigningName { get; init; }

    /// <summary>The endpoint prefix.</summary>
    public required string EndpointPrefix { get; init; }

    /// <summary>Whether the model carries <c>awsQueryCompatible</c> (JSON/CBOR errors then also
    /// carry the Query code in <c>x-amzn-query-error</c>).</summary>
    public bool AwsQueryCompatible { get; init; }
}
