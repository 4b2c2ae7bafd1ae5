using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>Rules of <c>dependsOn</c> between containers and of the task's volumes.</summary>
internal static partial class TaskDefinitionValidator
{
    public static readonly string[] DependencyConditions = ["START", "COMPLETE", "SUCCESS", "HEALTHY"];

    /// <summary>
    /// Every dependency names another container with a known condition; COMPLETE and SUCCESS cannot
    /// target an essential container; HEALTHY needs the target to have a health check; no cycles.
    /// </summary>
    private static void ValidateDependencies(List<ContainerDefinition> containers)
    {
        var byName = containers.ToDictionary(c => c.Name!, StringComparer.Ordinal);
        foreach (var container in containers)
        {
            foreach (var dependency in container.DependsOn ?? [])
            {
                CheckOneOf("dependsOn.condition", dependency.Condition ?? "", DependencyConditions);
                if (dependency.ContainerName is null || !byName.TryGetValue(dependency.ContainerName, out var target) || target == container)
                {
                    throw EcsErrors.Client(
                        $"Invalid dependsOn for container '{container.Name}': '{dependency.ContainerName}' is not another container of the task definition.");
                }

                if (dependency.Condition is "COMPLETE" or "SUCCESS" && (target.Essential ?? true))
                {
                    throw EcsErrors.Client(
                        $"Invalid dependsOn for container '{container.Name}': the {dependency.Condition} condition cannot be set on the essential container '{target.Name}'.");
                }

                if (dependency.Condition == "HEALTHY" && target.HealthCheck is null)
                {
                    throw EcsErrors.Client(
                        $"Invalid dependsOn for container '{container.Name}': the HEALTHY condition needs a healthCheck on container '{target.Name}'.");
                }
            }
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            if (HasCycle(container.Name!, byName, state))
            {
                throw EcsErrors.Client($"Invalid dependsOn: the container dependencies form a cycle through '{container.Name}'.");
            }
        }
    }

    /// <summary>Depth-first search; <paramref name="state"/> holds false while a container is on the path, true once done.</summary>
    private static bool HasCycle(string name, Dictionary<string, ContainerDefinition> byName, Dictionary<string, bool> state)
    {
        if (state.TryGetValue(name, out var done))
        {
            return !done;
        }

        state[name] = false;
        foreach (var dependency in byName[name].DependsOn ?? [])
        {
            if (HasCycle(dependency.ContainerName!, byName, state))
            {
                return true;
            }
        }

        state[name] = true;
        return false;
    }

    /// <summary>Volume names are valid and unique, and each volume has at most one kind of source.</summary>
    private static HashSet<string> ValidateVolumes(List<Volume>? volumes)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in volumes ?? [])
        {
            if (!ResourceNames.IsValidName(volume.Name))
            {
                throw EcsErrors.Client($"Invalid volume name '{volume.Name}': {ResourceNames.NameRule("Volume")}");
            }

            if (!names.Add(volume.Name))
            {
                throw EcsErrors.Client($"Volume names must be unique within a task definition: '{volume.Name}' is used more than once.");
            }

            var kinds = (volume.Host is null ? 0 : 1) + (volume.DockerVolumeConfiguration is null ? 0 : 1)
                + (volume.EfsVolumeConfiguration is null ? 0 : 1) + (volume.FsxWindowsFileServerVolumeConfiguration is null ? 0 : 1)
                + (volume.S3filesVolumeConfiguration is null ? 0 : 1);
            if (kinds > 1)
            {
                throw EcsErrors.Client($"Invalid volume '{volume.Name}': a volume has at most one of host, dockerVolumeConfiguration, efsVolumeConfiguration and the other volume types.");
            }

            if (volume.Host?.SourcePath is { Length: > 0 } path && !path.StartsWith('/'))
            {
                throw EcsErrors.Client($"Invalid volume '{volume.Name}': host.sourcePath must be an absolute path.");
            }

            if (volume.DockerVolumeConfiguration is { } docker)
            {
                CheckOneOf("dockerVolumeConfiguration.scope", docker.Scope, "task", "shared");
                if (docker.Autoprovision == true && docker.Scope != "shared")
                {
                    throw EcsErrors.Client($"Invalid volume '{volume.Name}': autoprovision is only supported when the scope is shared.");
                }
            }
        }

        return names;
    }
}
