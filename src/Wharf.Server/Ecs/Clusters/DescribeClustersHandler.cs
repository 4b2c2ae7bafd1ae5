using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>
/// DescribeClusters: up to 100 clusters (none given means <c>default</c>), deleted ones as INACTIVE,
/// unknown ones as <c>MISSING</c> failures; <c>include</c> adds settings, configuration, statistics, tags.
/// </summary>
internal sealed class DescribeClustersHandler(ClusterResolver clusters, ResourceNames names, ClusterView view)
    : IOperationHandler<DescribeClustersRequest, DescribeClustersResponse>
{
    public const int MaxClusters = 100;

    public async ValueTask<DescribeClustersResponse> HandleAsync(DescribeClustersRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        List<string?> references = input.Clusters is { Count: > 0 } given ? [.. given] : [null];
        if (references.Count > MaxClusters)
        {
            throw EcsErrors.InvalidParameter($"At most {MaxClusters} clusters can be described at once; {references.Count} were given.");
        }

        var fields = ClusterMapper.ParseInclude(input.Include);
        var clusterNames = references.Select(clusters.NameOf).Distinct(StringComparer.Ordinal).ToList();

        var response = new DescribeClustersResponse { Clusters = [], Failures = [] };
        foreach (var name in clusterNames)
        {
            var cluster = await clusters.FindAsync(name, cancellationToken);
            if (cluster is null)
            {
                response.Failures.Add(new Failure { Arn = names.Cluster(name), Reason = "MISSING" });
                continue;
            }

            response.Clusters.Add(await view.BuildAsync(cluster.Value, fields, cancellationToken));
        }

        return response;
    }
}
