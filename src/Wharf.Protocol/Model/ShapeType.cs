namespace Wharf.Protocol.Model;

/// <summary>The type of a shape in an AWS service model.</summary>
public enum ShapeType
{
    /// <summary>A structure (also unions and event streams): a class with members.</summary>
    Structure,

    /// <summary>A list: <c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary>A map with string keys: <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Map,

    /// <summary>A string (enums included).</summary>
    String,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A double.</summary>
    Double,

    /// <summary>A float.</summary>
    Float,

    /// <summary>A timestamp: <see cref="DateTimeOffset"/>.</summary>
    Timestamp,

    /// <summary>Binary data: <c>byte[]</c>.</summary>
    Blob,

    /// <summary>A free-form JSON document: <see cref="System.Text.Json.JsonElement"/>.</summary>
    Document,
}
