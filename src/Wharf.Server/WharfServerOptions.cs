namespace Wharf.Server;

/// <summary>Settings of <c>wharf server</c> (and of the server inside <c>wharf up</c>).</summary>
public sealed record WharfServerOptions
{
    /// <summary>The local access key pair <c>wharf up</c> accepts unless told otherwise.</summary>
    public const string DefaultAccessKeyId = "AKIAWHARF0LOCAL0KEY0";

    /// <summary>The secret of <see cref="DefaultAccessKeyId"/>. Local use only.</summary>
    public const string DefaultSecretAccessKey = "wharf-local-secret-access-key-0000000000";

    /// <summary>The join token agents present unless told otherwise. Local use only.</summary>
    public const string DefaultJoinToken = "wharf-local-join-token";

    public int Port { get; init; } = 4566;
    public string BindAddress { get; init; } = "127.0.0.1";
    public required string DataDirectory { get; init; }
    public string Region { get; init; } = "us-east-1";
    public string AccountId { get; init; } = "000000000000";
    /// <summary>Access key id → secret.</summary>
    public IReadOnlyDictionary<string, string> AccessKeys { get; init; } =
        new Dictionary<string, string> { [DefaultAccessKeyId] = DefaultSecretAccessKey };
    public string JoinToken { get; init; } = DefaultJoinToken;
    /// <summary>How often agents send heartbeats.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>An agent silent this long is disconnected.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The default of <see cref="InstanceLostTimeout"/>.</summary>
    public static readonly TimeSpan DefaultInstanceLostTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An instance whose agent has stayed disconnected this long is lost: its service tasks are
    /// replaced on other instances. Counted from when the server saw the agent disconnected (at
    /// once when its connection closes; after <see cref="HeartbeatTimeout"/> of silence otherwise),
    /// so a disconnected instance first only gets no new tasks, and a brief outage moves nothing.
    /// </summary>
    public TimeSpan InstanceLostTimeout { get; init; } = DefaultInstanceLostTimeout;
    /// <summary>
    /// A task stopped this long is forgotten (with its tags and <c>clientToken</c> record): ECS
    /// shows stopped tasks for at least an hour.
    /// </summary>
    public TimeSpan StoppedTaskRetention { get; init; } = TimeSpan.FromHours(1);
    /// <summary>
    /// Whether this process also serves the load balancer data plane (listeners, health checks).
    /// Off when a separate <c>wharf lb</c> serves it over the same store.
    /// </summary>
    public bool LoadBalancerDataPlane { get; init; } = true;
    /// <summary>When set, <c>/healthz</c> answers 200 only once an agent is connected in this cluster.</summary>
    public string? ReadyWhenAgentInCluster { get; init; }
}
