using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// RunTask idempotency: a <c>clientToken</c> is remembered per cluster with a hash of the request
/// it came with, so a retry with the same parameters gets the same tasks back and the same token
/// with other parameters is a <c>ConflictException</c>.
/// </summary>
internal static class ClientTokens
{
    /// <summary>"The RunTask client token has a time to live (TTL) of 24 hours."</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    /// <summary>The idempotency record key: <c>{cluster ARN}|{token}</c>.</summary>
    public static string Key(string clusterArn, string token) => $"{clusterArn}|{token}";

    /// <summary>
    /// A hash of the request's parameters: every member as sent, except the token itself and the
    /// cluster, which is compared by the ARN it resolved to (a name and an ARN are the same cluster).
    /// </summary>
    public static string Hash(RunTaskRequest request, string clusterArn)
    {
        var node = JsonSerializer.SerializeToNode(request, AwsJson.Options)!.AsObject();
        node.Remove("clientToken");
        node["cluster"] = clusterArn;
        var ordered = Canonical(node);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ordered)));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => System.Collections.Generic.KeyValuePair.Create(kv.Key, Canonical(kv.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };
}
