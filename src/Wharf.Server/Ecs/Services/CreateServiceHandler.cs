using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// CreateService: validates every field, then stores the service ACTIVE with one PRIMARY
/// deployment (IN_PROGRESS) and its tags in one commit; the service controller starts the tasks.
/// A name in use by an ACTIVE or DRAINING service is refused unless the same <c>clientToken</c>
/// repeats the call, which answers the existing service. <c>loadBalancers</c> and
/// <c>serviceRegistries</c> are checked against ELBv2, Cloud Map and the task definition first
/// (see <see cref="ServiceAttachmentValidation"/>); the attachment controller registers the tasks.
/// </summary>
internal sealed class CreateServiceHandler(
    ClusterResolver clusters,
    ServiceDefinitions definitions,
    ServiceResolver services,
    ServiceAttachmentValidation attachments,
    ArnFormatter arns,
    StateRepository state,
    TimeProvider time) : IOperationHandler<CreateServiceRequest, CreateServiceResponse>
{
    public async ValueTask<CreateServiceResponse> HandleAsync(CreateServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var name = ServiceValidation.Name(input.ServiceName);
        var strategy = ServiceValidation.Strategy(input.SchedulingStrategy);
        var desired = ServiceValidation.DesiredCount(input.DesiredCount, strategy);
        var (minimum, maximum) = ServiceValidation.Percents(input.DeploymentConfiguration, strategy);
        ServiceValidation.Controller(input.DeploymentController);
        LaunchValidation.LaunchType(input.LaunchType, input.CapacityProviderStrategy);
        var grace = ServiceValidation.GracePeriod(input.HealthCheckGracePeriodSeconds);
        var propagate = ServiceValidation.PropagateTags(input.PropagateTags);
        var rebalancing = ServiceValidation.Rebalancing(input.AvailabilityZoneRebalancing, strategy);
        ResourceTags.Validate(input.Tags);
        var cluster = (await clusters.ResolveAsync(input.Cluster, cancellationToken)).Value;
        // A DAEMON service runs on the cluster's instances: the cluster's default strategy is not for it.
        var providers = strategy == Scheduling.Model.SchedulingStrategy.Daemon && input.CapacityProviderStrategy is not { Count: > 0 }
            ? []
            : CapacityProviderStrategies.Resolve(cluster, input.LaunchType, input.CapacityProviderStrategy);
        var launchType = ServiceValidation.LaunchType(input.LaunchType, providers, strategy);
        var platformVersion = LaunchValidation.PlatformVersion(input.PlatformVersion, launchType);
        var blueprint = await definitions.ResolveAsync(input.TaskDefinition, launchType, cancellationToken);
        var network = await definitions.NetworkAsync(blueprint, input.NetworkConfiguration, launchType, cancellationToken);
        ServiceValidation.Constraints(input.PlacementConstraints, blueprint.Constraints.Count);
        ServiceValidation.Strategies(input.PlacementStrategy, strategy);
        var loadBalancers = await attachments.LoadBalancersAsync(input.LoadBalancers, blueprint, cancellationToken);
        var registries = await attachments.RegistriesAsync(input.ServiceRegistries, blueprint, cancellationToken);
        var arn = arns.ServiceArn(cluster.Name, name);

        var created = await state.RetryAsync(
            async ct =>
            {
                var existing = await services.FindAsync(arn, ct);
                if (existing is not null && existing.Value.Status != EcsStatus.Inactive)
                {
                    return input.ClientToken is not null && existing.Value.ClientToken == input.ClientToken
                        ? existing.Value
                        : throw ServiceErrors.NotIdempotent();
                }

                var now = time.GetUtcNow();
                var record = new ServiceRecord
                {
                    Arn = arn,
                    Name = name,
                    ClusterArn = cluster.Arn,
                    Status = EcsStatus.Active,
                    DesiredCount = desired,
                    SchedulingStrategy = ServiceValidation.StrategyName(strategy),
                    TaskDefinitionArn = blueprint.Record.Arn,
                    MinimumHealthyPercent = minimum,
                    MaximumPercent = maximum,
                    CircuitBreakerEnable = input.DeploymentConfiguration?.DeploymentCircuitBreaker?.Enable ?? false,
                    CircuitBreakerRollback = input.DeploymentConfiguration?.DeploymentCircuitBreaker?.Rollback ?? false,
                    PlacementConstraints = WireJson.ToNode<System.Text.Json.Nodes.JsonArray>(input.PlacementConstraints),
                    PlacementStrategy = WireJson.ToNode<System.Text.Json.Nodes.JsonArray>(input.PlacementStrategy),
                    HealthCheckGracePeriodSeconds = grace,
                    LoadBalancers = loadBalancers,
                    ServiceRegistries = registries,
                    PropagateTags = propagate,
                    AvailabilityZoneRebalancing = rebalancing,
                    EnableEcsManagedTags = input.EnableECSManagedTags ?? false,
                    EnableExecuteCommand = input.EnableExecuteCommand ?? false,
                    LaunchType = launchType,
                    CapacityProviderStrategy = providers,
                    PlatformVersion = platformVersion,
                    Deployments = [definitions.NewDeployment(blueprint.Record.Arn, desired, now, new(network, launchType, providers, platformVersion))],
                    CreatedAt = now,
                    CreatedBy = $"arn:aws:iam::{arns.Account.AccountId}:root",
                    ClientToken = input.ClientToken,
                    UpdatedAt = now,
                };
                var write = state.Begin();
                write.Put(StateKinds.Service, arn, cluster.Arn, record, existing?.Version ?? 0);
                var oldTags = await state.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
                ResourceTags.Replace(write, arn, oldTags, input.Tags);
                await write.CommitAsync(ct);
                return record;
            },
            cancellationToken);

        return new CreateServiceResponse { Service = ServiceMapper.ToWire(created, input.Tags is { Count: > 0 } ? input.Tags : null) };
    }
}
