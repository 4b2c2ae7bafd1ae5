using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// RunTask/StartTask <c>overrides</c> checked against the definition they override, then the
/// memory and CPU rules of the definition re-checked with the overrides applied (an override
/// cannot make a container the definition would refuse). Failures are <c>InvalidParameterException</c>s.
/// </summary>
internal static class OverrideValidation
{
    /// <summary>"A total of 8192 characters are allowed for overrides", JSON formatting included.</summary>
    public const int MaxLength = 8192;

    public static void Validate(TaskDefinition definition, TaskOverride? overrides)
    {
        if (overrides is null)
        {
            return;
        }

        if (AwsJson.Serialize(overrides).Length > MaxLength)
        {
            throw EcsErrors.InvalidParameter($"Container Overrides length must be at most {MaxLength}");
        }

        var names = (definition.ContainerDefinitions ?? []).Select(c => c.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in overrides.ContainerOverrides ?? [])
        {
            var name = container.Name;
            if (string.IsNullOrEmpty(name))
            {
                throw EcsErrors.InvalidParameter("Container override name is required: each container override must name a container of the task definition.");
            }

            if (!names.Contains(name))
            {
                throw EcsErrors.InvalidParameter($"Override for container named {name} is not a container in the TaskDefinition.");
            }

            if (!seen.Add(name))
            {
                throw EcsErrors.InvalidParameter($"Duplicate container override for container named {name}.");
            }

            if (container.Cpu is < 0)
            {
                throw EcsErrors.InvalidParameter($"Invalid 'cpu' override for container '{name}': it must be 0 or more.");
            }

            if (container.Memory is <= 0)
            {
                throw EcsErrors.InvalidParameter($"Invalid 'memory' override for container '{name}': it must be more than 0.");
            }

            if (container.MemoryReservation is <= 0)
            {
                throw EcsErrors.InvalidParameter($"Invalid 'memoryReservation' override for container '{name}': it must be more than 0.");
            }

            if (container.Environment?.Any(e => string.IsNullOrEmpty(e.Name)) == true)
            {
                throw EcsErrors.InvalidParameter($"Invalid environment override for container '{name}': every variable needs a name.");
            }
        }

        if (overrides.Cpu is not null && !TaskSizes.TryParseCpu(overrides.Cpu, out _))
        {
            throw EcsErrors.InvalidParameter("Invalid 'cpu' setting for task.");
        }

        if (overrides.Memory is not null && !TaskSizes.TryParseMemory(overrides.Memory, out _))
        {
            throw EcsErrors.InvalidParameter("Invalid 'memory' setting for task.");
        }
    }

    /// <summary>The definition's memory and CPU rules over the containers as overridden.</summary>
    public static void Resources(TaskBlueprint blueprint)
    {
        foreach (var container in blueprint.Containers)
        {
            if (blueprint.TaskMemory is null && container.Memory is null && container.MemoryReservation is null)
            {
                throw EcsErrors.InvalidParameter(
                    $"Invalid setting for container '{container.Name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }

            if (container.Memory is { } memory && container.MemoryReservation is { } reservation && reservation > memory)
            {
                throw EcsErrors.InvalidParameter(
                    $"Invalid setting for container '{container.Name}'. 'memoryReservation' ({reservation} MiB) must be less than or equal to 'memory' ({memory} MiB).");
            }

            if (blueprint.TaskMemory is { } taskMemory && (container.Memory ?? container.MemoryReservation) is { } containerMemory && containerMemory > taskMemory)
            {
                throw EcsErrors.InvalidParameter(
                    $"Invalid setting for container '{container.Name}'. Its memory ({containerMemory} MiB) is more than the task's memory ({taskMemory} MiB).");
            }
        }

        var cpu = blueprint.Containers.Sum(c => c.Cpu);
        if (blueprint.TaskCpu is { } taskCpu && cpu > taskCpu)
        {
            throw EcsErrors.InvalidParameter(
                $"Invalid setting: the containers' cpu ({cpu} units) is more than the task's cpu ({taskCpu} units).");
        }
    }
}
