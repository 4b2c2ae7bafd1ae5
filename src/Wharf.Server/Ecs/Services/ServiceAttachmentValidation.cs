using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using EcsLoadBalancer = Wharf.Protocol.Generated.Ecs.LoadBalancer;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.Ecs.Common;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// Checks a service's <c>loadBalancers</c> and <c>serviceRegistries</c> as ECS does for the EC2
/// launch type, against the ELBv2 and Cloud Map records and the task definition, and turns them into
/// records. Every failure is an <c>InvalidParameterException</c>, raised before anything is written.
/// Stateless.
/// </summary>
internal sealed class ServiceAttachmentValidation(ElbState elb, StateRepository state)
{
    /// <summary>ECS's limit of target groups per service.</summary>
    public const int MaxLoadBalancers = 5;

    public async ValueTask<IReadOnlyList<ServiceLoadBalancerRecord>> LoadBalancersAsync(
        List<EcsLoadBalancer>? loadBalancers, TaskBlueprint blueprint, CancellationToken cancellationToken)
    {
        if (loadBalancers is null || loadBalancers.Count == 0)
        {
            return [];
        }

        if (loadBalancers.Count > MaxLoadBalancers)
        {
            throw EcsErrors.InvalidParameter($"loadBalancers can have at most {MaxLoadBalancers} entries.");
        }

        var usage = await elb.TargetGroupUsageAsync(cancellationToken);
        var result = new List<ServiceLoadBalancerRecord>();
        foreach (var lb in loadBalancers)
        {
            if (lb.LoadBalancerName is not null && lb.TargetGroupArn is null)
            {
                throw EcsErrors.InvalidParameter("Classic Load Balancers are not supported: specify targetGroupArn.");
            }

            if (string.IsNullOrEmpty(lb.TargetGroupArn))
            {
                throw EcsErrors.InvalidParameter("Target Group ARN can not be blank.");
            }

            if (lb.LoadBalancerName is not null)
            {
                throw EcsErrors.InvalidParameter("loadBalancerName must be omitted for an Application Load Balancer's target group.");
            }

            var group = await state.GetAsync<TargetGroupRecord>(LoadBalancingKinds.TargetGroup, lb.TargetGroupArn, cancellationToken)
                ?? throw EcsErrors.InvalidParameter($"The target group with targetGroupArn {lb.TargetGroupArn} does not exist.");
            if (!usage.ContainsKey(group.Value.Arn))
            {
                throw EcsErrors.InvalidParameter(
                    $"The target group with targetGroupArn {lb.TargetGroupArn} does not have an associated load balancer.");
            }

            if (string.IsNullOrEmpty(lb.ContainerName) || lb.ContainerPort is null)
            {
                throw EcsErrors.InvalidParameter("containerName and containerPort must be specified for a target group.");
            }

            var port = ContainerPort(blueprint, lb.ContainerName, lb.ContainerPort.Value);
            // An awsvpc task is reached at its interface's address, the others at their host's port.
            var targetType = blueprint.NetworkMode == AwsvpcNetworks.AwsvpcMode ? "ip" : "instance";
            if (group.Value.TargetType != targetType)
            {
                throw EcsErrors.InvalidParameter(
                    $"The provided target group {group.Value.Arn} has target type {group.Value.TargetType}, which is incompatible with the "
                    + $"{blueprint.NetworkMode} network mode specified in the task definition.");
            }

            var record = new ServiceLoadBalancerRecord(group.Value.Arn, lb.ContainerName, port);
            if (result.Contains(record))
            {
                throw EcsErrors.InvalidParameter(
                    $"The target group {group.Value.Arn} is given more than once for container {lb.ContainerName} port {port}.");
            }

            result.Add(record);
        }

        return result;
    }

    public async ValueTask<IReadOnlyList<ServiceRegistryRecord>> RegistriesAsync(
        List<ServiceRegistry>? registries, TaskBlueprint blueprint, CancellationToken cancellationToken)
    {
        if (registries is null || registries.Count == 0)
        {
            return [];
        }

        if (registries.Count > 1)
        {
            throw EcsErrors.InvalidParameter(
                "Each service may be associated with one service registry. Multiple service registries for each service isn't supported.");
        }

        var registry = registries[0];
        if (string.IsNullOrEmpty(registry.RegistryArn))
        {
            throw EcsErrors.InvalidParameter("registryArn can not be blank.");
        }

        var service = registry.RegistryArn.StartsWith("arn:", StringComparison.Ordinal)
            ? await state.GetAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, CloudMapNames.IdOf(registry.RegistryArn), cancellationToken)
            : null;
        if (service is null || service.Value.Arn != registry.RegistryArn)
        {
            throw EcsErrors.InvalidParameter($"The service registry {registry.RegistryArn} does not exist.");
        }

        if ((registry.ContainerName is null) != (registry.ContainerPort is null))
        {
            throw EcsErrors.InvalidParameter("containerName and containerPort must be specified together in a service registry.");
        }

        if (registry.Port is not null && blueprint.NetworkMode != "awsvpc")
        {
            throw EcsErrors.InvalidParameter(
                $"port can only be specified for a service registry with the awsvpc network mode; use containerName and containerPort with {blueprint.NetworkMode}.");
        }

        int? port = registry.ContainerName is null ? null : ContainerPort(blueprint, registry.ContainerName, registry.ContainerPort!.Value);
        if (port is not null && registry.Port is not null)
        {
            throw EcsErrors.InvalidParameter("Specify either containerName and containerPort or port for a service registry, not both.");
        }

        // With awsvpc, an SRV record's port may come from port instead of a container's port.
        if (service.Value.DnsRecords.Any(r => r.Type == "SRV") && port is null && registry.Port is null)
        {
            throw EcsErrors.InvalidParameter(
                $"The service registry {registry.RegistryArn} has SRV DNS records: containerName and containerPort must be specified "
                + $"for the {blueprint.NetworkMode} network mode.");
        }

        return [new ServiceRegistryRecord(service.Value.Arn, registry.ContainerName, port, registry.Port)];
    }

    /// <summary>Checks that <paramref name="containerName"/> is in the definition and maps <paramref name="containerPort"/>.</summary>
    private static int ContainerPort(TaskBlueprint blueprint, string containerName, int containerPort)
    {
        var container = blueprint.Containers.FirstOrDefault(c => c.Name == containerName)
            ?? throw EcsErrors.InvalidParameter($"The container {containerName} does not exist in the task definition.");
        if (container.Definition.PortMappings?.Any(p => p.ContainerPort == containerPort) != true)
        {
            throw EcsErrors.InvalidParameter($"The container {containerName} did not have a container port {containerPort} defined.");
        }

        return containerPort;
    }
}
