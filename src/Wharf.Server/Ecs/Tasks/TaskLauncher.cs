using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// Everything RunTask and StartTask check before placing: the fields, the cluster, the task
/// definition (it must be ACTIVE and allow the launch type), the network mode, the overrides and
/// the tags. Reads only; the result is a <see cref="PreparedLaunch"/>. Stateless and thread-safe.
/// </summary>
internal sealed class TaskLauncher(
    ClusterResolver clusters,
    TaskDefinitionResolver definitions,
    ResourceTags resourceTags,
    AwsvpcNetworks networks,
    ArnFormatter arns,
    EcsIdGenerator ids)
{
    public const string ManagedClusterTag = ServiceTaskTags.ManagedClusterTag;

    public async ValueTask<PreparedLaunch> PrepareAsync(LaunchRequest request, CancellationToken cancellationToken)
    {
        var launchType = LaunchValidation.LaunchType(request.LaunchType, request.CapacityProviderStrategy);
        var startedBy = LaunchValidation.StartedBy(request.StartedBy, request.StartedByLimit);
        var propagate = LaunchValidation.PropagateFromDefinition(request.PropagateTags);
        ResourceTags.Validate(request.Tags);

        var cluster = (await clusters.ResolveAsync(request.Cluster, cancellationToken)).Value;
        var record = (await definitions.ResolveAsync(request.TaskDefinition, cancellationToken)).Value;
        if (record.Status != EcsStatus.Active)
        {
            throw EcsErrors.TaskDefinitionInactive();
        }

        var blueprint = TaskBlueprint.Create(record, request.Overrides);
        CheckCapacityProviders(cluster, request.CapacityProviderStrategy);
        CheckLaunchType(blueprint.Definition, launchType, request.NetworkConfiguration);
        var network = await ResolveNetworkAsync(blueprint, launchType, request.NetworkConfiguration, cancellationToken);
        OverrideValidation.Validate(blueprint.Definition, request.Overrides);
        OverrideValidation.Resources(blueprint);

        var options = new NewTaskOptions(LaunchValidation.Group(request.Group, record.Family), startedBy, launchType)
        {
            EnableExecuteCommand = request.EnableExecuteCommand,
            Network = network is null ? null : networks.ForTasks(network),
        };
        var tags = await ComposeTagsAsync(request, cluster, record, propagate, cancellationToken);
        return new PreparedLaunch(arns, ids, cluster, blueprint, options, tags);
    }

    /// <summary>A strategy may only name providers associated with the cluster (ECS's wording).</summary>
    private static void CheckCapacityProviders(ClusterRecord cluster, IReadOnlyList<CapacityProviderStrategyItem>? strategy)
    {
        foreach (var item in strategy ?? [])
        {
            if (item.CapacityProvider is null || !cluster.CapacityProviders.Contains(item.CapacityProvider, StringComparer.Ordinal))
            {
                throw EcsErrors.InvalidParameter(
                    "The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. "
                    + "Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
            }

            if (item.CapacityProvider is "FARGATE" or "FARGATE_SPOT")
            {
                throw TaskErrors.NoCapacityFor(item.CapacityProvider);
            }
        }
    }

    /// <summary>
    /// EC2 and EXTERNAL run on the cluster's container instances. FARGATE (and MANAGED_INSTANCES)
    /// need capacity Wharf does not have: refused as ECS refuses a definition that does not allow
    /// the launch type, or, when it does, as a feature this endpoint lacks.
    /// </summary>
    private static void CheckLaunchType(TaskDefinition definition, string launchType, NetworkConfiguration? network)
    {
        var compatibilities = definition.Compatibilities;
        if (compatibilities is { Count: > 0 } && !compatibilities.Contains(launchType, StringComparer.Ordinal))
        {
            throw TaskErrors.LaunchTypeNotSupportedByDefinition(launchType);
        }

        if (launchType is "FARGATE" or "MANAGED_INSTANCES")
        {
            if (definition.NetworkMode == "awsvpc" && network?.AwsvpcConfiguration is null)
            {
                throw EcsErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
            }

            throw TaskErrors.NoCapacityFor(launchType);
        }
    }

    /// <summary>
    /// The <c>awsvpc</c> configuration, checked as ECS checks it (see <see cref="AwsvpcNetworks"/>);
    /// EXTERNAL instances give tasks no interfaces of their own, as in ECS Anywhere.
    /// </summary>
    private async ValueTask<AwsvpcConfigurationRecord?> ResolveNetworkAsync(
        TaskBlueprint blueprint, string launchType, NetworkConfiguration? network, CancellationToken cancellationToken)
    {
        if (blueprint.NetworkMode == AwsvpcNetworks.AwsvpcMode && launchType == "EXTERNAL" && network?.AwsvpcConfiguration is not null)
        {
            throw EcsErrors.InvalidParameter("The awsvpc network mode is not supported for the EXTERNAL launch type: use bridge, host or none.");
        }

        return await networks.ResolveAsync(blueprint.NetworkMode, network, cancellationToken);
    }

    /// <summary>
    /// The definition's tags when propagated, then the request's (a key given in both takes the
    /// request's value), then <c>aws:ecs:clusterName</c> for ECS-managed tags (which do not count
    /// against the limit of 50).
    /// </summary>
    private async ValueTask<List<TagRecord>> ComposeTagsAsync(
        LaunchRequest request, ClusterRecord cluster, TaskDefinitionRecord definition, bool propagate, CancellationToken cancellationToken)
    {
        var tags = new List<TagRecord>();
        if (propagate && await resourceTags.GetAsync(definition.Arn, cancellationToken) is { } definitionTags)
        {
            tags.AddRange(definitionTags.Value.Tags);
        }

        foreach (var tag in request.Tags ?? [])
        {
            tags.RemoveAll(t => t.Key == tag.Key);
            tags.Add(new TagRecord(tag.Key!, tag.Value ?? ""));
        }

        if (tags.Count > ResourceTags.MaxTagsPerResource)
        {
            throw EcsErrors.InvalidParameter(
                $"A resource can have at most {ResourceTags.MaxTagsPerResource} tags; this task would get {tags.Count}.");
        }

        if (request.EnableEcsManagedTags)
        {
            tags.Add(new TagRecord(ManagedClusterTag, cluster.Name));
        }

        return tags;
    }
}
