using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.LoadBalancer.Snapshots;

/// <summary>The JSON the server stores records in (web defaults, nulls omitted), so both sides read the same documents.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static T Read<T>(string body) => JsonSerializer.Deserialize<T>(body, Options) ?? throw new JsonException("Empty document.");

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
