using System.Text.Json.Nodes;

namespace Wharf.Protocol.Tests.TestSupport;

internal static class JsonAssert
{
    /// <summary>Asserts two JSON documents are equal, ignoring member order and integer/float spelling.</summary>
    public static void Equal(JsonNode? expected, JsonNode? actual) =>
        Assert.True(Same(expected, actual), $"Expected:\n{expected?.ToJsonString()}\nActual:\n{actual?.ToJsonString()}");

    private static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.TryGetValue<double>(out var dx) && y.TryGetValue<double>(out var dy) => Math.Abs(dx - dy) < 1e-9,
        _ => JsonNode.DeepEquals(a, b),
    };
}
