namespace Wharf.Agent.Docker;

/// <summary>A Docker network as the engine describes it (from inspect).</summary>
internal sealed record NetworkSnapshot
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Driver { get; init; }
    /// <summary>The IPAM subnets, e.g. <c>172.31.0.0/20</c>.</summary>
    public IReadOnlyList<string> Subnets { get; init; } = [];
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
