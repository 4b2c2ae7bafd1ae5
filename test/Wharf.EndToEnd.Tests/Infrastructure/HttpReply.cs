using System.Text.Json.Nodes;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>A raw HTTP answer as curl saw it.</summary>
public sealed record HttpReply(int Status, string ContentType, string Body)
{
    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json
    {
        get
        {
            try
            {
                return string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The AWS JSON error name from <c>__type</c>, without the namespace some services prefix
    /// (<c>com.amazonaws.ecs#ClientException</c> → <c>ClientException</c>), as botocore reads it.
    /// </summary>
    public string? ErrorType
    {
        get
        {
            var type = Json?["__type"]?.GetValue<string>();
            return type is null ? null : type[(type.LastIndexOf('#') + 1)..];
        }
    }

    /// <summary>The error message (<c>message</c> or <c>Message</c>: clients accept both).</summary>
    public string? ErrorMessage => (Json?["message"] ?? Json?["Message"])?.GetValue<string>();

    public override string ToString() => $"HTTP {Status} ({ContentType})\n{Body}";
}
