using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// One frame on the agent channel: a WebSocket text message carrying a JSON envelope.
/// The agent connects to <c>GET /agent/v1/connect</c> on the server's API port, sending its
/// join token in the <c>X-Wharf-Join-Token</c> header. Every message that expects an answer
/// carries an <see cref="Id"/>; the peer answers with an <see cref="AgentMessageTypes.Ack"/>
/// whose <see cref="Id"/> is the same.
/// </summary>
public sealed record AgentMessage
{
    /// <summary>One of <see cref="AgentMessageTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Correlates a message with its acknowledgement.</summary>
    public string? Id { get; init; }

    /// <summary>The payload, whose shape depends on <see cref="Type"/>.</summary>
    public JsonElement? Body { get; init; }

    /// <summary>Builds a message with a typed body.</summary>
    public static AgentMessage Create<T>(string type, string? id, T body) =>
        new() { Type = type, Id = id, Body = JsonSerializer.SerializeToElement(body, AgentChannelJson.Options) };

    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    public T ReadBody<T>() =>
        Body is { } body
            ? body.Deserialize<T>(AgentChannelJson.Options) ?? throw new JsonException($"Empty body in '{Type}'.")
            : throw new JsonException($"Missing body in '{Type}'.");
}

/// <summary>The message types of the agent channel, and which side sends them.</summary>
public static class AgentMessageTypes
{
    /// <summary>Agent → server, first message: <see cref="RegisterRequest"/>.</summary>
    public const string Register = "register";

    /// <summary>Server → agent, answer to <see cref="Register"/>: <see cref="RegisterResponse"/>.</summary>
    public const string Registered = "registered";

    /// <summary>Server → agent: <see cref="DesiredTasks"/>, the complete desired set for the instance. Acked.</summary>
    public const string Tasks = "tasks";

    /// <summary>Agent → server: <see cref="TaskStateBatch"/>. Acked; resent until acked.</summary>
    public const string State = "state";

    /// <summary>Agent → server: <see cref="Heartbeat"/>, every <see cref="RegisterResponse.HeartbeatSeconds"/>.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>Either way: acknowledges the message with the same id. No body.</summary>
    public const string Ack = "ack";

    /// <summary>Server → agent: the server refuses the agent (<see cref="ErrorBody"/>), then closes.</summary>
    public const string Error = "error";
}

/// <summary>Serializer settings shared by both ends of the agent channel.</summary>
public static class AgentChannelJson
{
    /// <summary>camelCase, nulls omitted, enums as strings.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
