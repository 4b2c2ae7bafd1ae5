using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.ContainerInstances;

/// <summary>
/// DescribeContainerInstances: up to 100 ids or ARNs of one cluster, with registered and remaining
/// resources, attributes, versions, <c>agentConnected</c> and task counts; unknown ones are
/// <c>MISSING</c> failures; <c>include: TAGS</c> adds tags.
/// </summary>
internal sealed class DescribeContainerInstancesHandler(
    ClusterResolver clusters, ContainerInstanceResolver instances, ContainerInstanceMapper mapper, ResourceTags tags)
    : IOperationHandler<DescribeContainerInstancesRequest, DescribeContainerInstancesResponse>
{
    public const int MaxInstances = 100;

    public async ValueTask<DescribeContainerInstancesResponse> HandleAsync(
        DescribeContainerInstancesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var references = input.ContainerInstances ?? [];
        if (references.Count > MaxInstances)
        {
            throw EcsErrors.InvalidParameter($"At most {MaxInstances} container instances can be described at once; {references.Count} were given.");
        }

        var includeTags = false;
        foreach (var value in input.Include ?? [])
        {
            includeTags |= value switch
            {
                "TAGS" => true,
                "CONTAINER_INSTANCE_HEALTH" => false,
                _ => throw EcsErrors.NotOneOf("include", value, "TAGS", "CONTAINER_INSTANCE_HEALTH"),
            };
        }

        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var arns = references.Select(r => instances.ArnOf(r, cluster.Value)).Distinct(StringComparer.Ordinal).ToList();
        var tasks = await instances.TasksByInstanceAsync(cluster.Value.Arn, cancellationToken);

        var response = new DescribeContainerInstancesResponse { ContainerInstances = [], Failures = [] };
        foreach (var arn in arns)
        {
            var instance = await instances.FindAsync(arn, cluster.Value, cancellationToken);
            if (instance is null)
            {
                response.Failures.Add(new Failure { Arn = arn, Reason = "MISSING" });
                continue;
            }

            var instanceTags = includeTags ? await tags.ListAsync(arn, cancellationToken) : null;
            response.ContainerInstances.Add(mapper.ToWire(instance.Value, [.. tasks[arn]], instanceTags));
        }

        return response;
    }
}
