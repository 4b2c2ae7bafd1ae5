using System.Text.Json.Serialization;

namespace Wharf.Protocol.Errors;

/// <summary>The body of an AWS JSON error.</summary>
internal sealed record JsonErrorBody(
    [property: JsonPropertyName("__type")] string Type,
    [property: JsonPropertyName("message")] string Message);
