using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// The rules ECS applies at RegisterTaskDefinition (the developer guide's "Task definition
/// parameters"), checked in one pass before anything is stored. Broken rules are
/// <c>ClientException</c>s worded after ECS's; values outside an enum are
/// <c>InvalidParameterException</c>s, as the API's validation layer answers them.
/// Split by concern: task level here, containers, networking and dependencies in partial files.
/// </summary>
internal static partial class TaskDefinitionValidator
{
    public const int MaxContainers = 10;
    public const int MaxPlacementConstraints = 10;

    public static readonly string[] NetworkModes = ["bridge", "host", "awsvpc", "none"];
    public static readonly string[] Compatibilities = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];

    /// <summary>Checks a registration; returns the parsed task cpu and memory (null when not given).</summary>
    public static (int? Cpu, int? Memory) Validate(RegisterTaskDefinitionRequest request)
    {
        if (!ResourceNames.IsValidName(request.Family))
        {
            throw EcsErrors.Client($"Invalid family '{request.Family}': {ResourceNames.NameRule("Family")}");
        }

        CheckOneOf("networkMode", request.NetworkMode, NetworkModes);
        CheckOneOf("pidMode", request.PidMode, "host", "task");
        CheckOneOf("ipcMode", request.IpcMode, "host", "task", "none");
        foreach (var compatibility in request.RequiresCompatibilities ?? [])
        {
            CheckOneOf("requiresCompatibilities", compatibility, Compatibilities);
        }

        if (request.RuntimePlatform is { } platform)
        {
            CheckOneOf("runtimePlatform.cpuArchitecture", platform.CpuArchitecture, "X86_64", "ARM64");
        }

        var cpu = TaskSize.ParseCpu(request.Cpu);
        var memory = TaskSize.ParseMemory(request.Memory);
        var containers = request.ContainerDefinitions ?? [];
        if (containers.Count == 0)
        {
            throw EcsErrors.Client("Container list cannot be empty.");
        }

        if (containers.Count > MaxContainers)
        {
            throw EcsErrors.Client($"Too many containers: a task definition can have at most {MaxContainers}; {containers.Count} were given.");
        }

        var networkMode = request.NetworkMode ?? "bridge";
        var volumes = ValidateVolumes(request.Volumes);
        var names = ValidateContainerNames(containers);
        foreach (var container in containers)
        {
            ValidateContainer(container, memory, networkMode, names, volumes);
        }

        ValidateResourceTotals(containers, cpu, memory);
        ValidatePorts(containers, networkMode);
        ValidateDependencies(containers);
        ValidatePlacementConstraints(request.PlacementConstraints);
        ValidateFargate(request, cpu, memory);
        ValidateExecutionRole(request, containers);
        if (request.ProxyConfiguration is { ContainerName: { } proxy } && !names.Contains(proxy))
        {
            throw EcsErrors.Client($"The proxyConfiguration names container '{proxy}', which is not defined in the task definition.");
        }

        if (!containers.Exists(c => c.Essential ?? true))
        {
            throw EcsErrors.Client("A task definition must have at least one essential container.");
        }

        ResourceTags.Validate(request.Tags);
        return (cpu, memory);
    }

    /// <summary>Task memory must hold every container's hard limit and the sum of their reservations; task cpu the sum of container cpu.</summary>
    private static void ValidateResourceTotals(List<ContainerDefinition> containers, int? cpu, int? memory)
    {
        if (cpu is { } taskCpu && containers.Sum(c => (long)(c.Cpu ?? 0)) > taskCpu)
        {
            throw EcsErrors.Client(
                $"The total 'cpu' of the containers ({containers.Sum(c => (long)(c.Cpu ?? 0))}) exceeds the task 'cpu' ({taskCpu}).");
        }

        if (memory is not { } taskMemory)
        {
            return;
        }

        foreach (var container in containers)
        {
            if (container.Memory > taskMemory)
            {
                throw EcsErrors.Client(
                    $"Invalid 'memory' setting for container '{container.Name}'. The container 'memory' ({container.Memory}) exceeds the task 'memory' ({taskMemory}).");
            }
        }

        var reserved = containers.Sum(c => (long)(c.MemoryReservation ?? c.Memory ?? 0));
        if (reserved > taskMemory)
        {
            throw EcsErrors.Client(
                $"The total memory reserved by the containers ({reserved} MiB) exceeds the task 'memory' ({taskMemory} MiB).");
        }
    }

    private static void ValidatePlacementConstraints(List<TaskDefinitionPlacementConstraint>? constraints)
    {
        if (constraints is null)
        {
            return;
        }

        if (constraints.Count > MaxPlacementConstraints)
        {
            throw EcsErrors.Client($"A task definition can have at most {MaxPlacementConstraints} placement constraints.");
        }

        foreach (var constraint in constraints)
        {
            CheckOneOf("placementConstraints.type", constraint.Type, "memberOf");
            if (string.IsNullOrWhiteSpace(constraint.Expression))
            {
                throw EcsErrors.Client("A memberOf placement constraint needs an expression.");
            }

            PlacementExpressions.Validate(constraint.Expression);
        }
    }

    /// <summary>
    /// The container agent fetches secrets and private registry credentials with the task execution
    /// role, so ECS refuses either without an <c>executionRoleArn</c>, each with its own message.
    /// </summary>
    private static void ValidateExecutionRole(RegisterTaskDefinitionRequest request, List<ContainerDefinition> containers)
    {
        if (!string.IsNullOrEmpty(request.ExecutionRoleArn))
        {
            return;
        }

        if (containers.Exists(c => c.Secrets is { Count: > 0 }))
        {
            throw EcsErrors.Client("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
        }

        if (containers.Exists(c => c.RepositoryCredentials is not null))
        {
            throw EcsErrors.Client("Private repository authentication requires that the task definition specify a value for executionRoleArn.");
        }
    }

    /// <summary>requiresCompatibilities FARGATE: awsvpc, and task cpu and memory of a size Fargate offers; EXTERNAL: not awsvpc.</summary>
    private static void ValidateFargate(RegisterTaskDefinitionRequest request, int? cpu, int? memory)
    {
        var required = request.RequiresCompatibilities ?? [];
        if (required.Contains("FARGATE"))
        {
            if (request.NetworkMode != "awsvpc")
            {
                throw EcsErrors.Client("Fargate only supports network mode ‘awsvpc’.");
            }

            if (cpu is null || memory is null)
            {
                throw EcsErrors.Client("Fargate requires that 'cpu' and 'memory' be defined at the task level.");
            }

            if (!FargateSizes.IsValid(cpu.Value, memory.Value))
            {
                throw EcsErrors.Client($"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory.");
            }
        }

        if (required.Contains("EXTERNAL") && request.NetworkMode == "awsvpc")
        {
            throw EcsErrors.Client("External launch type does not support network mode ‘awsvpc’.");
        }
    }

    private static void CheckOneOf(string member, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            throw EcsErrors.NotOneOf(member, value, allowed);
        }
    }
}
