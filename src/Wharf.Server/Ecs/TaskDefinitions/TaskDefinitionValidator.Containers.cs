using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>Rules of one container definition.</summary>
internal static partial class TaskDefinitionValidator
{
    /// <summary>Docker 20.10 refuses memory limits and reservations below 6 MiB.</summary>
    public const int MinContainerMemory = 6;

    /// <summary>The largest CPU share value the Linux kernel accepts.</summary>
    public const int MaxContainerCpu = 262_144;

    public static readonly string[] LogDrivers = ["json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens"];

    private static readonly string[] UlimitNames =
    [
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack",
    ];

    private static HashSet<string> ValidateContainerNames(List<ContainerDefinition> containers)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            if (string.IsNullOrEmpty(container.Name))
            {
                throw EcsErrors.Client("Container.name should not be null or empty.");
            }

            if (!ResourceNames.IsValidName(container.Name))
            {
                throw EcsErrors.Client($"Invalid container name '{container.Name}': {ResourceNames.NameRule("Container")}");
            }

            if (!names.Add(container.Name))
            {
                throw EcsErrors.Client($"Container names must be unique within a task definition: '{container.Name}' is used more than once.");
            }
        }

        return names;
    }

    private static void ValidateContainer(
        ContainerDefinition container, int? taskMemory, string networkMode, HashSet<string> names, HashSet<string> volumes)
    {
        var name = container.Name;
        if (string.IsNullOrWhiteSpace(container.Image))
        {
            throw EcsErrors.Client("Container.image should not be null or empty.");
        }

        var repository = container.Image.Split('@')[0];
        if (repository.Length > 255)
        {
            throw EcsErrors.Client($"Invalid image for container '{name}': the image name is limited to 255 characters.");
        }

        if (container.Cpu is < 0 or > MaxContainerCpu)
        {
            throw EcsErrors.Client($"Invalid 'cpu' setting for container '{name}'. It must be between 0 and {MaxContainerCpu}.");
        }

        ValidateMemory(container, taskMemory);
        ValidateHealthCheck(container);
        ValidateLinks(container, networkMode, names);

        if (container.LogConfiguration is { } log)
        {
            CheckOneOf("logConfiguration.logDriver", log.LogDriver ?? "", LogDrivers);
        }

        foreach (var ulimit in container.Ulimits ?? [])
        {
            CheckOneOf("ulimits.name", ulimit.Name ?? "", UlimitNames);
            if (ulimit.SoftLimit > ulimit.HardLimit)
            {
                throw EcsErrors.Client($"Invalid ulimit '{ulimit.Name}' for container '{name}': the softLimit must not exceed the hardLimit.");
            }
        }

        foreach (var variable in container.Environment ?? [])
        {
            if (string.IsNullOrEmpty(variable.Name))
            {
                throw EcsErrors.Client($"Invalid environment for container '{name}': every variable needs a name.");
            }
        }

        foreach (var mount in container.MountPoints ?? [])
        {
            if (mount.SourceVolume is null || !volumes.Contains(mount.SourceVolume))
            {
                throw EcsErrors.Client(
                    $"Invalid mountPoint for container '{name}': the sourceVolume '{mount.SourceVolume}' is not a volume of the task definition.");
            }

            if (string.IsNullOrEmpty(mount.ContainerPath))
            {
                throw EcsErrors.Client($"Invalid mountPoint for container '{name}': containerPath should not be null or empty.");
            }
        }

        foreach (var from in container.VolumesFrom ?? [])
        {
            if (from.SourceContainer is null || !names.Contains(from.SourceContainer) || from.SourceContainer == name)
            {
                throw EcsErrors.Client(
                    $"Invalid volumesFrom for container '{name}': '{from.SourceContainer}' is not another container of the task definition.");
            }
        }

        if (container.StartTimeout is < 0 || container.StopTimeout is < 0)
        {
            throw EcsErrors.Client($"Invalid timeout for container '{name}': startTimeout and stopTimeout cannot be negative.");
        }
    }

    /// <summary>
    /// memory and memoryReservation are at least 6 MiB; memory is not below memoryReservation; and
    /// without task-level memory, one of them is required (EC2).
    /// </summary>
    private static void ValidateMemory(ContainerDefinition container, int? taskMemory)
    {
        var name = container.Name;
        if (container.Memory is { } memory && memory < MinContainerMemory)
        {
            throw EcsErrors.Client(
                $"Invalid 'memory' setting for container '{name}'. The minimum is {MinContainerMemory} MiB.");
        }

        if (container.MemoryReservation is { } reservation && reservation < MinContainerMemory)
        {
            throw EcsErrors.Client(
                $"Invalid 'memoryReservation' setting for container '{name}'. The minimum is {MinContainerMemory} MiB.");
        }

        if (container.Memory is { } limit && container.MemoryReservation is { } soft && limit < soft)
        {
            throw EcsErrors.Client(
                $"Invalid 'memory' setting for container '{name}'. The container 'memory' ({limit}) must be greater than or equal to its 'memoryReservation' ({soft}).");
        }

        if (taskMemory is null && container.Memory is null && container.MemoryReservation is null)
        {
            throw EcsErrors.Client(
                $"Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }
    }

    /// <summary>command starts with CMD or CMD-SHELL; interval 5–300, timeout 2–60, retries 1–10, startPeriod 0–300 seconds.</summary>
    private static void ValidateHealthCheck(ContainerDefinition container)
    {
        if (container.HealthCheck is not { } check)
        {
            return;
        }

        var name = container.Name;
        if (check.Command is not { Count: > 0 } command || command[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
        {
            throw EcsErrors.Client(
                $"Invalid healthCheck for container '{name}': the command must start with CMD or CMD-SHELL.");
        }

        CheckRange(name, "interval", check.Interval, 5, 300);
        CheckRange(name, "timeout", check.Timeout, 2, 60);
        CheckRange(name, "retries", check.Retries, 1, 10);
        CheckRange(name, "startPeriod", check.StartPeriod, 0, 300);
    }

    private static void CheckRange(string? container, string member, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw EcsErrors.Client(
                $"Invalid healthCheck for container '{container}': {member} must be between {min} and {max}; {v} was given.");
        }
    }
}
