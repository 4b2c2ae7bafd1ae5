using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Protocol.Json;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Converts generated wire types to and from the JSON kept in records (exact AWS member names,
/// nulls omitted, timestamps as epoch seconds: <see cref="AwsJson.Options"/>), so what is stored
/// is what the API returns.
/// </summary>
internal static class WireJson
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, AwsJson.Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, AwsJson.Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is empty.");

    /// <summary>A wire value as a JSON node (null stays null).</summary>
    public static TNode? ToNode<TNode>(object? value)
        where TNode : JsonNode =>
        value is null ? null : (TNode?)JsonSerializer.SerializeToNode(value, value.GetType(), AwsJson.Options);

    /// <summary>A stored JSON node back as a wire value (null stays null).</summary>
    public static T? FromNode<T>(JsonNode? node)
        where T : class =>
        node is null ? null : node.Deserialize<T>(AwsJson.Options);
}
