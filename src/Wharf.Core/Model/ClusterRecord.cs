using System.Text.Json.Nodes;

namespace Wharf.Core.Model;

/// <summary>A cluster. Wire-only sub-structures are kept as the JSON the API accepted.</summary>
public sealed record ClusterRecord
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    /// <summary>ACTIVE or INACTIVE (deleted clusters stay describable as INACTIVE for a while, as in ECS).</summary>
    public required string Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary><c>settings</c> as the API took them (e.g. containerInsights).</summary>
    public JsonArray? Settings { get; init; }
    /// <summary><c>configuration</c> as the API took it.</summary>
    public JsonObject? Configuration { get; init; }
    public IReadOnlyList<string> CapacityProviders { get; init; } = [];
    public JsonArray? DefaultCapacityProviderStrategy { get; init; }
    public JsonObject? ServiceConnectDefaults { get; init; }
}
