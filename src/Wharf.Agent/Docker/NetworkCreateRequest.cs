namespace Wharf.Agent.Docker;

/// <summary>A Docker network to create: one driver, one IPv4 subnet for its address management.</summary>
internal sealed record NetworkCreateRequest
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "bridge";
    /// <summary>The IPAM subnet, e.g. <c>172.31.0.0/20</c>; Docker picks the addresses inside it.</summary>
    public required string Subnet { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
