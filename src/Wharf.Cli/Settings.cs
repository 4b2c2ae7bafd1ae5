using Wharf.Agent;
using Wharf.Server;

namespace Wharf.Cli;

/// <summary>Reads server and agent settings from flags and <c>WHARF_*</c> environment variables.</summary>
internal static class Settings
{
    public static string DataDirectory(CommandLine cli) =>
        Path.GetFullPath(cli.Get("data-dir", "WHARF_DATA_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".wharf"));

    public static WharfServerOptions Server(CommandLine cli, string? readyWhenAgentInCluster)
    {
        var accessKey = cli.Get("access-key-id", "WHARF_ACCESS_KEY_ID", WharfServerOptions.DefaultAccessKeyId)!;
        var secret = cli.Get("secret-access-key", "WHARF_SECRET_ACCESS_KEY", WharfServerOptions.DefaultSecretAccessKey)!;
        var heartbeatTimeout = cli.GetInt("heartbeat-timeout-seconds", "WHARF_HEARTBEAT_TIMEOUT_SECONDS", 20);
        return new WharfServerOptions
        {
            Port = cli.GetInt("port", "WHARF_PORT", 4566),
            BindAddress = cli.Get("bind", "WHARF_BIND", "127.0.0.1")!,
            DataDirectory = DataDirectory(cli),
            Region = cli.Get("region", "WHARF_REGION", "us-east-1")!,
            AccountId = cli.Get("account-id", "WHARF_ACCOUNT_ID", "000000000000")!,
            AccessKeys = new Dictionary<string, string> { [accessKey] = secret },
            JoinToken = cli.Get("join-token", "WHARF_JOIN_TOKEN", WharfServerOptions.DefaultJoinToken)!,
            HeartbeatInterval = TimeSpan.FromSeconds(cli.GetInt("heartbeat-seconds", "WHARF_HEARTBEAT_SECONDS", 5)),
            HeartbeatTimeout = TimeSpan.FromSeconds(heartbeatTimeout),
            InstanceLostTimeout = TimeSpan.FromSeconds(InstanceLostSeconds(cli, heartbeatTimeout)),
            StoppedTaskRetention = TimeSpan.FromMinutes(StoppedTaskRetentionMinutes(cli)),
            LoadBalancerDataPlane = OnOff(cli.Get("lb", "WHARF_LB", "on")!, "lb"),
            ReadyWhenAgentInCluster = readyWhenAgentInCluster,
        };
    }

    /// <summary>
    /// Seconds an instance may stay disconnected before it is lost; by default the larger of 30 and
    /// the heartbeat timeout.
    /// </summary>
    private static int InstanceLostSeconds(CommandLine cli, int heartbeatTimeout)
    {
        var seconds = cli.GetInt(
            "instance-lost-seconds",
            "WHARF_INSTANCE_LOST_SECONDS",
            Math.Max((int)WharfServerOptions.DefaultInstanceLostTimeout.TotalSeconds, heartbeatTimeout));
        return seconds >= 0 ? seconds : throw new ArgumentException($"--instance-lost-seconds must be 0 or more, not {seconds}.");
    }

    /// <summary>Minutes a stopped task stays visible before it is forgotten (default 60, as ECS's "at least one hour").</summary>
    private static int StoppedTaskRetentionMinutes(CommandLine cli)
    {
        var minutes = cli.GetInt("stopped-task-retention-minutes", "WHARF_STOPPED_TASK_RETENTION_MINUTES", 60);
        return minutes >= 1 ? minutes : throw new ArgumentException($"--stopped-task-retention-minutes must be 1 or more, not {minutes}.");
    }

    public static AgentOptions Agent(CommandLine cli, Uri serverUrl, string stateDirectory, string region)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in cli.GetAll("attribute").Concat(SplitList(Environment.GetEnvironmentVariable("WHARF_AGENT_ATTRIBUTES"))))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            attributes[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
        }

        return new AgentOptions
        {
            ServerUrl = serverUrl,
            Cluster = cli.Get("cluster", "WHARF_CLUSTER", "default")!,
            JoinToken = cli.Get("join-token", "WHARF_JOIN_TOKEN", WharfServerOptions.DefaultJoinToken)!,
            StateDirectory = stateDirectory,
            Region = region,
            AvailabilityZone = cli.Get("availability-zone", "WHARF_AVAILABILITY_ZONE"),
            Attributes = attributes,
            InstanceType = cli.Get("instance-type", "WHARF_INSTANCE_TYPE", "wharf.host")!,
            DockerEndpoint = cli.Get("docker-endpoint", "DOCKER_HOST", "unix:///var/run/docker.sock")!,
            Capacity = Capacity(cli.Get("capacity", "WHARF_AGENT_CAPACITY")),
        };
    }

    /// <summary>
    /// <c>wharf up</c>'s second agent, Wharf's Fargate capacity on this host (<c>--fargate on|off</c>,
    /// default on): the host agent's settings, its own identity, no cluster. Null when turned off.
    /// </summary>
    public static AgentOptions? FargateAgent(CommandLine cli, AgentOptions hostAgent, string stateDirectory) =>
        OnOff(cli.Get("fargate", "WHARF_FARGATE", "on")!, "fargate")
            ? hostAgent with { Capacity = FargateCapacityName, StateDirectory = stateDirectory, Cluster = "default" }
            : null;

    private const string FargateCapacityName = "FARGATE";

    private static string? Capacity(string? value) => value?.ToUpperInvariant() switch
    {
        null or "" => null,
        FargateCapacityName => FargateCapacityName,
        _ => throw new ArgumentException($"--capacity must be FARGATE (or left out for a container instance), not '{value}'."),
    };

    private static bool OnOff(string value, string flag) => value.ToUpperInvariant() switch
    {
        "ON" or "TRUE" or "1" => true,
        "OFF" or "FALSE" or "0" => false,
        _ => throw new ArgumentException($"--{flag} must be on or off, not '{value}'."),
    };

    private static string[] SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
