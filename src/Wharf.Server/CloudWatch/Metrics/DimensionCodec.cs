using System.Text.Json;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>The stored form of a metric's dimensions: a JSON array of <c>[name, value]</c> pairs in name order.</summary>
internal static class DimensionCodec
{
    public static string Encode(IReadOnlyList<KeyValuePair<string, string>> dimensions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (name, value) in dimensions)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(name);
                writer.WriteStringValue(value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static List<KeyValuePair<string, string>> Decode(string encoded)
    {
        using var document = JsonDocument.Parse(encoded);
        return [.. document.RootElement.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!))];
    }
}
