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
        var askedLaunchType = LaunchValidation.LaunchType(request.LaunchType, request.CapacityProviderStrategy);
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
        var strategy = CapacityProviderStrategies.Resolve(cluster, request.LaunchType, request.CapacityProviderStrategy);
        var launchType = strategy.Count > 0 ? FargateCapacity.LaunchType : askedLaunchType;
        CheckLaunchType(blueprint.Definition, launchType, request.NetworkConfiguration);
        var platformVersion = LaunchValidation.PlatformVersion(request.PlatformVersion, launchType);
        var network = await ResolveNetworkAsync(blueprint, launchType, request.NetworkConfiguration, cancellationToken);
        OverrideValidation.Validate(blueprint.Definition, request.Overrides);
        OverrideValidation.Resources(blueprint);

        var options = new NewTaskOptions(LaunchValidation.Group(request.Group, record.Family), startedBy, launchType)
        {
            EnableExecuteCommand = request.EnableExecuteCommand,
            Network = network is null ? null : networks.ForTasks(network),
            PlatformVersion = platformVersion is null ? null : FargateCapacity.Resolve(platformVersion),
        };
        var tags = await ComposeTagsAsync(request, cluster, record, propagate, cancellationToken);
        return new PreparedLaunch(arns, ids, cluster, blueprint, options, tags) { CapacityProviderStrategy = strategy };
    }

    /// <summary>
    /// EC2 and EXTERNAL run on the cluster's container instances, FARGATE on Wharf's Fargate capacity:
    /// the definition must allow the launch type, and a FARGATE task needs its network configuration.
    /// MANAGED_INSTANCES needs capacity Wharf does not have: refused as a feature this endpoint lacks.
    /// </summary>
    private static void CheckLaunchType(TaskDefinition definition, string launchType, NetworkConfiguration? network)
    {
        var compatibilities = definition.Compatibilities;
        if (compatibilities is { Count: > 0 } && !compatibilities.Contains(launchType, StringComparer.Ordinal))
        {
            throw TaskErrors.LaunchTypeNotSupportedByDefinition(launchType);
        }

        if (launchType is FargateCapacity.LaunchType or "MANAGED_INSTANCES"
            && definition.NetworkMode == "awsvpc" && network?.AwsvpcConfiguration is null)
        {
            throw EcsErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }

        if (launchType == "MANAGED_INSTANCES")
        {
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

        return await networks.ResolveAsync(blueprint.NetworkMode, network, launchType, cancellationToken);
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
