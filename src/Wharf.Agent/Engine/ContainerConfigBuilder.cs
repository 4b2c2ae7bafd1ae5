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

    private const long MiB = 1024 * 1024;

    /// <summary><c>ecs-&lt;family&gt;-&lt;revision&gt;-&lt;container&gt;-&lt;random hex&gt;</c>.</summary>
    public static string DockerName(TaskSpec task, ContainerSpec container, string randomHex) =>
        Sanitize($"ecs-{task.Family}-{task.Revision}-{container.Name}-{randomHex}");

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

    public static ContainerCreateRequest Build(
        TaskSpec task,
        ContainerSpec container,
        string dockerName,
        IReadOnlyList<PortBinding> bindings,
        IReadOnlyDictionary<string, string> linkTargets,
        IReadOnlyDictionary<string, string> volumeSources,
        string instanceId)
    {
        var bridge = string.IsNullOrEmpty(task.NetworkMode) || task.NetworkMode == "bridge";
        var labels = new Dictionary<string, string>(container.DockerLabels)
        {
            [DockerLabels.TaskArn] = task.TaskArn,
            [DockerLabels.ContainerName] = container.Name,
            [DockerLabels.Cluster] = ClusterName(task.ClusterArn),
            [DockerLabels.TaskDefinitionFamily] = task.Family,
            [DockerLabels.TaskDefinitionVersion] = task.Revision.ToString(CultureInfo.InvariantCulture),
            [DockerLabels.AgentInstance] = instanceId,
            [DockerLabels.Essential] = container.Essential ? "true" : "false",
        };
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
            // Docker refuses a hostname, links and DNS servers on the host's network stack.
            Hostname = bridge ? container.Hostname : null,
            CpuShares = Math.Max(container.Cpu, MinimumCpuShares),
            MemoryBytes = container.Memory * MiB,
            MemoryReservationBytes = container.MemoryReservation * MiB,
            NetworkMode = bridge ? "bridge" : task.NetworkMode,
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
