using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Wharf.CodeGen;

/// <summary>A botocore <c>service-2.json</c> loaded from disk, with the lookups the writers need.</summary>
internal sealed class BotocoreModel
{
    private BotocoreModel(string source, JsonObject root)
    {
        Source = source;
        Metadata = root["metadata"]!.AsObject();
        Operations = root["operations"]!.AsObject();
        Shapes = root["shapes"]!.AsObject();
    }

    /// <summary>Where the model came from, relative to botocore's data folder (e.g. <c>ecs/2014-11-13</c>).</summary>
    public string Source { get; }

    public JsonObject Metadata { get; }

    public JsonObject Operations { get; }

    public JsonObject Shapes { get; }

    /// <summary>Loads the newest API version of <paramref name="service"/> under <paramref name="dataDir"/>.</summary>
    public static BotocoreModel Load(string dataDir, string service)
    {
        var versions = Directory.GetDirectories(Path.Combine(dataDir, service))
            .Where(d => File.Exists(Path.Combine(d, "service-2.json.gz")) || File.Exists(Path.Combine(d, "service-2.json")))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (versions.Length == 0)
        {
            throw new InvalidOperationException($"No service-2.json for '{service}' under {dataDir}.");
        }

        var dir = versions[^1];
        var gz = Path.Combine(dir, "service-2.json.gz");
        using Stream stream = File.Exists(gz)
            ? new GZipStream(File.OpenRead(gz), CompressionMode.Decompress)
            : File.OpenRead(Path.Combine(dir, "service-2.json"));
        var root = JsonNode.Parse(stream)!.AsObject();
        return new BotocoreModel($"{service}/{Path.GetFileName(dir)}", root);
    }

    public JsonObject Shape(string name) =>
        Shapes[name]?.AsObject() ?? throw new InvalidOperationException($"Shape '{name}' is not in {Source}.");

    public string TypeOf(string name) => (string)Shape(name)["type"]!;

    public bool IsException(string name) => Shape(name)["exception"]?.GetValue<bool>() == true;

    public bool IsDocument(string name) => Shape(name)["document"]?.GetValue<bool>() == true;

    public static string? Str(JsonNode? node, string key) => node?[key]?.GetValue<string>();

    public static bool Flag(JsonNode? node, string key) => node?[key]?.GetValue<bool>() == true;

    public static long? Number(JsonNode? node, string key) =>
        node?[key] is JsonValue v ? (long)v.GetValue<double>() : null;
}
