namespace Wharf.Agent.Docker;

/// <summary>A Docker volume to create.</summary>
internal sealed record VolumeCreateRequest
{
    public required string Name { get; init; }
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
