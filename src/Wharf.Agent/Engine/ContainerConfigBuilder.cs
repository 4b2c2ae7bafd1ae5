using System.Globalization;
using System.Text;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>Translates one container of a task definition into the Docker create request, the way the ECS agent does.</summary>
internal static class ContainerConfigBuilder
{
    /// <summary>Docker's minimum CPU shares; ECS uses it for containers that reserve no CPU.</summary>
    public const int MinimumCpuShares = 2;

    /// <summary>The pause container's name inside the task, as the ECS agent calls it; no definition's container can have it.</summary>
    public const string PauseContainerName = "~internal~ecs~pause";

    private const long MiB = 1024 * 1024;

    /// <summary><c>ecs-&lt;family&gt;-&lt;revision&gt;-&lt;container&gt;-&lt;random hex&gt;</c>.</summary>
    public static string DockerName(TaskSpec task, ContainerSpec container, string randomHex) =>
        Sanitize($"ecs-{task.Family}-{task.Revision}-{container.Name}-{randomHex}");

    /// <summary>The pause container's Docker name, <c>ecs-&lt;family&gt;-&lt;revision&gt;-internalecspause-&lt;random hex&gt;</c>, as the ECS agent names it.</summary>
    public static string PauseDockerName(TaskSpec task, string randomHex) =>
        Sanitize($"ecs-{task.Family}-{task.Revision}-internalecspause-{randomHex}");

    /// <summary>The name of a task-scoped Docker volume: stable per task, so a restarted agent finds it again.</summary>
    public static string TaskVolumeName(TaskSpec task, string volume) =>
        Sanitize($"ecs-{task.Family}-{task.Revision}-{volume}-{TaskId(task.TaskArn)}");

    /// <summary>The last segment of a task ARN.</summary>
    public static string TaskId(string taskArn) => taskArn[(taskArn.LastIndexOf('/') + 1)..];

    /// <summary>The cluster name from a cluster ARN (or the name itself).</summary>
    public static string ClusterName(string clusterArn) => clusterArn[(clusterArn.LastIndexOf('/') + 1)..];

    /// <summary>The labels that identify a task's objects as this agent's.</summary>
    public static Dictionary<string, string> TaskLabels(TaskSpec task, string instanceId) => new()
    {
        [DockerLabels.TaskArn] = task.TaskArn,
        [DockerLabels.AgentInstance] = instanceId,
    };

    /// <summary>
    /// The pause container of an awsvpc task: it owns the task's network namespace on the subnet's
    /// network (with the task's DNS servers), and every task container joins it. It publishes no
    /// ports — the task's address is reachable on the subnet network itself.
    /// </summary>
    public static ContainerCreateRequest BuildPause(
        TaskSpec task, string dockerName, string image, string network, string instanceId) => new()
    {
        Name = dockerName,
        Image = image,
        Labels = new Dictionary<string, string>(TaskObjectLabels(task, PauseContainerName, instanceId))
        {
            [DockerLabels.Essential] = "true",
            [DockerLabels.PauseContainer] = "true",
        },
        CpuShares = MinimumCpuShares,
        NetworkMode = network,
        Dns = task.DnsServers,
    };

    /// <summary>
    /// A task container. In <c>awsvpc</c> mode it joins <paramref name="pauseContainerId"/>'s network
    /// namespace, so it takes no hostname, links, DNS servers or published ports: Docker refuses
    /// them with a <c>container:</c> network mode, and the pause container already has its DNS.
    /// </summary>
    public static ContainerCreateRequest Build(
        TaskSpec task,
        ContainerSpec container,
        string dockerName,
        IReadOnlyList<PortBinding> bindings,
        IReadOnlyDictionary<string, string> linkTargets,
        IReadOnlyDictionary<string, string> volumeSources,
        string instanceId,
        string? pauseContainerId = null)
    {
        var bridge = string.IsNullOrEmpty(task.NetworkMode) || task.NetworkMode == "bridge";
        var awsvpc = task.NetworkMode == "awsvpc";
        if (awsvpc && pauseContainerId is null)
        {
            throw new ArgumentException("An awsvpc task container needs its pause container.", nameof(pauseContainerId));
        }

        var labels = new Dictionary<string, string>(container.DockerLabels);
        foreach (var (key, value) in TaskObjectLabels(task, container.Name, instanceId))
        {
            labels[key] = value;
        }

        labels[DockerLabels.Essential] = container.Essential ? "true" : "false";
        if (container.StopTimeout is { } stopTimeout)
        {
            labels[DockerLabels.StopTimeout] = stopTimeout.ToString(CultureInfo.InvariantCulture);
        }

        Logs.AwsLogsConfig.AddLabel(labels, task, container);

        return new ContainerCreateRequest
        {
            Name = dockerName,
            Image = container.Image,
            Labels = labels,
            Env = [.. container.Environment.Select(e => $"{e.Key}={e.Value}")],
            Cmd = container.Command,
            Entrypoint = container.EntryPoint,
            WorkingDir = container.WorkingDirectory,
            User = container.User,
            // Docker refuses a hostname, links and DNS servers on the host's network stack or another container's.
            Hostname = bridge ? container.Hostname : null,
            CpuShares = Math.Max(container.Cpu, MinimumCpuShares),
            MemoryBytes = container.Memory * MiB,
            MemoryReservationBytes = container.MemoryReservation * MiB,
            NetworkMode = bridge ? "bridge" : awsvpc ? $"container:{pauseContainerId}" : task.NetworkMode,
            Links = bridge
                ? [.. container.Links.Select(link =>
                {
                    var colon = link.IndexOf(':', StringComparison.Ordinal);
                    var (name, alias) = colon < 0 ? (link, link) : (link[..colon], link[(colon + 1)..]);
                    return $"{linkTargets[name]}:{alias}";
                })]
                : [],
            Dns = bridge ? task.DnsServers : [],
            PortBindings = bridge ? bindings : [],
            Binds = [.. container.MountPoints.Select(m =>
                $"{volumeSources[m.SourceVolume]}:{m.ContainerPath}{(m.ReadOnly ? ":ro" : string.Empty)}")],
            HealthCheck = container.HealthCheck is { } check
                ? new HealthCheckConfig(
                    check.Command,
                    TimeSpan.FromSeconds(check.Interval),
                    TimeSpan.FromSeconds(check.Timeout),
                    check.Retries,
                    TimeSpan.FromSeconds(check.StartPeriod))
                : null,
            Ulimits = [.. container.Ulimits.Select(u => (u.Name, (long)u.SoftLimit, (long)u.HardLimit))],
            Privileged = container.Privileged,
            ReadonlyRootfs = container.ReadonlyRootFilesystem,
            OpenStdin = container.Interactive,
            Tty = container.PseudoTerminal,
        };
    }

    /// <summary>The labels every container of a task carries: ECS's, plus the owning agent's instance id.</summary>
    private static Dictionary<string, string> TaskObjectLabels(TaskSpec task, string containerName, string instanceId) => new()
    {
        [DockerLabels.TaskArn] = task.TaskArn,
        [DockerLabels.ContainerName] = containerName,
        [DockerLabels.Cluster] = ClusterName(task.ClusterArn),
        [DockerLabels.TaskDefinitionFamily] = task.Family,
        [DockerLabels.TaskDefinitionVersion] = task.Revision.ToString(CultureInfo.InvariantCulture),
        [DockerLabels.AgentInstance] = instanceId,
    };

    /// <summary>Docker names allow <c>[a-zA-Z0-9][a-zA-Z0-9_.-]*</c>.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        return builder.ToString();
    }
}
