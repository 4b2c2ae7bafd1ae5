using System.Globalization;
using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// Makes the stored (and described) <c>TaskDefinition</c> from a validated registration: the
/// defaults ECS fills in (<c>cpu: 0</c>, <c>essential: true</c>, empty lists, port mapping
/// protocol and host port, health check interval/timeout/retries), cpu and memory as whole numbers,
/// and the fields ECS computes (<c>requiresAttributes</c>, <c>compatibilities</c>, status, dates).
/// </summary>
internal static class TaskDefinitionBuilder
{
    public static TaskDefinition Build(
        RegisterTaskDefinitionRequest request,
        string arn,
        int revision,
        int? cpu,
        int? memory,
        DateTimeOffset registeredAt,
        string registeredBy)
    {
        var networkMode = request.NetworkMode ?? "bridge";
        var containers = request.ContainerDefinitions ?? [];
        foreach (var container in containers)
        {
            Normalize(container, networkMode);
        }

        foreach (var volume in request.Volumes ?? [])
        {
            if (volume.DockerVolumeConfiguration is { } docker)
            {
                docker.Scope ??= "task";
                docker.Driver ??= "local";
            }
        }

        return new TaskDefinition
        {
            TaskDefinitionArn = arn,
            ContainerDefinitions = containers,
            Family = request.Family,
            TaskRoleArn = request.TaskRoleArn,
            ExecutionRoleArn = request.ExecutionRoleArn,
            NetworkMode = request.NetworkMode,
            Revision = revision,
            Volumes = request.Volumes ?? [],
            Status = Common.EcsStatus.Active,
            RequiresAttributes = RequiredAttributes.For(request),
            PlacementConstraints = request.PlacementConstraints ?? [],
            Compatibilities = CompatibilitiesOf(request, cpu, memory),
            RuntimePlatform = request.RuntimePlatform,
            RequiresCompatibilities = request.RequiresCompatibilities,
            Cpu = cpu?.ToString(CultureInfo.InvariantCulture),
            Memory = memory?.ToString(CultureInfo.InvariantCulture),
            InferenceAccelerators = request.InferenceAccelerators,
            PidMode = request.PidMode,
            IpcMode = request.IpcMode,
            ProxyConfiguration = request.ProxyConfiguration,
            RegisteredAt = registeredAt,
            RegisteredBy = registeredBy,
            EphemeralStorage = request.EphemeralStorage,
            EnableFaultInjection = request.EnableFaultInjection ?? false,
        };
    }

    /// <summary>
    /// Where the definition can run: always EC2; EXTERNAL unless it uses awsvpc; FARGATE when it uses
    /// awsvpc with a task size Fargate offers and nothing Fargate refuses (host volumes, links).
    /// </summary>
    public static List<string> CompatibilitiesOf(RegisterTaskDefinitionRequest request, int? cpu, int? memory)
    {
        var result = new List<string>();
        var awsvpc = request.NetworkMode == "awsvpc";
        if (!awsvpc)
        {
            result.Add("EXTERNAL");
        }

        result.Add("EC2");
        var fargateReady = awsvpc
            && cpu is { } c && memory is { } m && FargateSizes.IsValid(c, m)
            && !(request.Volumes ?? []).Exists(v => v.Host?.SourcePath is not null || v.DockerVolumeConfiguration is not null)
            && !(request.ContainerDefinitions ?? []).Exists(d => d.Links is { Count: > 0 });
        if (fargateReady)
        {
            result.Add("FARGATE");
        }

        return result;
    }

    private static void Normalize(ContainerDefinition container, string networkMode)
    {
        container.Cpu ??= 0;
        container.Essential ??= true;
        container.PortMappings ??= [];
        container.Environment ??= [];
        container.MountPoints ??= [];
        container.VolumesFrom ??= [];
        container.SystemControls ??= [];
        foreach (var mapping in container.PortMappings)
        {
            mapping.Protocol ??= "tcp";
            if (mapping.ContainerPortRange is null)
            {
                mapping.HostPort ??= networkMode is "host" or "awsvpc" ? mapping.ContainerPort : 0;
            }
        }

        if (container.HealthCheck is { } check)
        {
            check.Interval ??= 30;
            check.Timeout ??= 5;
            check.Retries ??= 3;
        }
    }
}
