using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// UpdateService: changes what is given and keeps the rest. A new task definition, new placement,
/// new <c>networkConfiguration</c> or <c>forceNewDeployment</c> starts a new PRIMARY deployment (the old PRIMARY becomes ACTIVE and
/// its tasks are replaced within the deployment bounds by the controller); a new desired count
/// alone changes the PRIMARY's. Committed at the version read, retried on conflict, so concurrent
/// updates never lose one another's change.
/// </summary>
internal sealed class UpdateServiceHandler(
    ClusterResolver clusters,
    ServiceDefinitions definitions,
    ServiceResolver services,
    ServiceAttachmentValidation attachments,
    StateRepository state,
    TimeProvider time) : IOperationHandler<UpdateServiceRequest, UpdateServiceResponse>
{
    public async ValueTask<UpdateServiceResponse> HandleAsync(UpdateServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ServiceValidation.Controller(input.DeploymentController);
        var grace = ServiceValidation.GracePeriod(input.HealthCheckGracePeriodSeconds);
        var propagate = ServiceValidation.PropagateTags(input.PropagateTags);
        var rebalancing = ServiceValidation.Rebalancing(input.AvailabilityZoneRebalancing, null);
        var cluster = (await clusters.ResolveAsync(input.Cluster, cancellationToken)).Value;
        var arn = services.ArnOf(input.Service, cluster);
        var givenProviders = input.CapacityProviderStrategy is { Count: > 0 } given
            ? CapacityProviderStrategies.Resolve(cluster, null, given)
            : null;

        var updated = await state.RetryAsync(
            async ct =>
            {
                var current = await services.ResolveActiveAsync(arn, ct);
                var service = current.Value;
                var strategy = ServiceValidation.Strategy(service.SchedulingStrategy);
                var desired = input.DesiredCount is null ? service.DesiredCount : ServiceValidation.DesiredCount(input.DesiredCount, strategy);
                var (minimum, maximum) = ServiceValidation.Percents(
                    input.DeploymentConfiguration, strategy, service.MinimumHealthyPercent, service.MaximumPercent);
                var providers = givenProviders ?? service.CapacityProviderStrategy;
                var launchType = ServiceValidation.LaunchType(service.LaunchType, providers, strategy);
                var blueprint = input.TaskDefinition is null ? null : await definitions.ResolveAsync(input.TaskDefinition, launchType, ct);
                var definitionArn = blueprint?.Record.Arn ?? service.TaskDefinitionArn;
                var definition = blueprint ?? await definitions.ResolveAsync(definitionArn, launchType, ct);
                var network = await NetworkAsync(input.NetworkConfiguration, definition, service, launchType, ct);
                var providersChanged = !providers.SequenceEqual(service.CapacityProviderStrategy);
                var platformVersion = input.PlatformVersion is null && launchType == service.LaunchType
                    ? service.PlatformVersion
                    : LaunchValidation.PlatformVersion(input.PlatformVersion, launchType);
                var definitionConstraints = definition.Constraints.Count;
                // A new task definition must still hold the containers and ports the kept attachments name.
                var loadBalancers = input.LoadBalancers is null && blueprint is null
                    ? service.LoadBalancers
                    : await attachments.LoadBalancersAsync(input.LoadBalancers ?? ServiceMapper.ToWire(service.LoadBalancers), definition, ct);
                var registries = input.ServiceRegistries is null && blueprint is null
                    ? service.ServiceRegistries
                    : await attachments.RegistriesAsync(input.ServiceRegistries ?? ServiceMapper.ToWire(service.ServiceRegistries), definition, ct);
                var attachmentsChanged = !loadBalancers.SequenceEqual(service.LoadBalancers)
                    || !registries.SequenceEqual(service.ServiceRegistries);
                if (input.PlacementConstraints is not null)
                {
                    ServiceValidation.Constraints(input.PlacementConstraints, definitionConstraints);
                }

                if (input.PlacementStrategy is not null)
                {
                    ServiceValidation.Strategies(input.PlacementStrategy, strategy);
                }

                var constraints = input.PlacementConstraints is null
                    ? service.PlacementConstraints
                    : WireJson.ToNode<JsonArray>(input.PlacementConstraints);
                var strategies = input.PlacementStrategy is null ? service.PlacementStrategy : WireJson.ToNode<JsonArray>(input.PlacementStrategy);
                var placementChanged = !JsonNode.DeepEquals(constraints, service.PlacementConstraints)
                    || !JsonNode.DeepEquals(strategies, service.PlacementStrategy);
                var now = time.GetUtcNow();
                var breaker = input.DeploymentConfiguration?.DeploymentCircuitBreaker;
                var next = service with
                {
                    DesiredCount = desired,
                    MinimumHealthyPercent = minimum,
                    MaximumPercent = maximum,
                    CircuitBreakerEnable = breaker?.Enable ?? service.CircuitBreakerEnable,
                    CircuitBreakerRollback = breaker?.Rollback ?? service.CircuitBreakerRollback,
                    PlacementConstraints = constraints,
                    PlacementStrategy = strategies,
                    HealthCheckGracePeriodSeconds = grace ?? service.HealthCheckGracePeriodSeconds,
                    LoadBalancers = loadBalancers,
                    ServiceRegistries = registries,
                    PropagateTags = propagate ?? service.PropagateTags,
                    AvailabilityZoneRebalancing = rebalancing ?? service.AvailabilityZoneRebalancing,
                    EnableEcsManagedTags = input.EnableECSManagedTags ?? service.EnableEcsManagedTags,
                    EnableExecuteCommand = input.EnableExecuteCommand ?? service.EnableExecuteCommand,
                    TaskDefinitionArn = definitionArn,
                    LaunchType = launchType,
                    CapacityProviderStrategy = providers,
                    PlatformVersion = platformVersion,
                    UpdatedAt = now,
                };

                var redeploy = input.ForceNewDeployment == true || placementChanged || attachmentsChanged || providersChanged
                    || platformVersion != service.PlatformVersion
                    || definitionArn != service.TaskDefinitionArn
                    || !AwsvpcNetworks.SameNetwork(network, service.Primary.NetworkConfiguration);
                next = redeploy
                    ? next with
                    {
                        Deployments =
                        [
                            definitions.NewDeployment(definitionArn, desired, now, new(network, launchType, providers, platformVersion)),
                            .. service.Deployments.Select(d => d.Status == DeploymentStatuses.Primary
                                ? d with { Status = DeploymentStatuses.Active, UpdatedAt = now }
                                : d),
                        ],

                        // A new task definition resets the launch back-off (ECS's service throttle).
                        ConsecutiveLaunchFailures = 0,
                        NextLaunchAt = null,
                    }
                    : next with { Deployments = [service.Primary with { DesiredCount = desired, UpdatedAt = now }, .. service.Deployments.Skip(1)] };

                var write = state.Begin();
                write.Put(StateKinds.Service, arn, service.ClusterArn, next, current.Version);
                await write.CommitAsync(ct);
                return next;
            },
            cancellationToken);

        return new UpdateServiceResponse { Service = ServiceMapper.ToWire(updated, null) };
    }

    /// <summary>
    /// The network the next tasks get: the one given (checked against the definition they run), else
    /// the PRIMARY deployment's while the definition still takes one (an awsvpc definition replacing a
    /// bridge one needs a configuration given with it).
    /// </summary>
    private async ValueTask<AwsvpcConfigurationRecord?> NetworkAsync(
        NetworkConfiguration? given, TaskBlueprint definition, ServiceRecord service, string launchType, CancellationToken cancellationToken)
    {
        if (given is not null)
        {
            return await definitions.NetworkAsync(definition, given, launchType, cancellationToken);
        }

        if (definition.NetworkMode != AwsvpcNetworks.AwsvpcMode)
        {
            return null;
        }

        return service.Primary.NetworkConfiguration ?? await definitions.NetworkAsync(definition, null, launchType, cancellationToken);
    }
}
