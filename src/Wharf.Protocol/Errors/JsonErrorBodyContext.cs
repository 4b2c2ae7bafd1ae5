using System.Text.Json.Serialization;

namespace Wharf.Protocol.Errors;

/// <summary>Source-generated serialization of <see cref="JsonErrorBody"/>.</summary>
[JsonSerializable(typeof(JsonErrorBody))]
internal sealed partial class JsonErrorBodyContext : JsonSerializerContext;
