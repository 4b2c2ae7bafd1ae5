using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>ListClusters: the ARNs of ACTIVE clusters, by name, paged.</summary>
internal sealed class ListClustersHandler(StateRepository state) : IOperationHandler<ListClustersRequest, ListClustersResponse>
{
    private const string Scope = "ListClusters";

    public async ValueTask<ListClustersResponse> HandleAsync(ListClustersRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var all = await state.ListAsync<ClusterRecord>(StateKinds.Cluster, "", cancellationToken);
        var active = all.Where(c => c.Value.Status == EcsStatus.Active).ToList();
        var page = PageToken.Slice(active, c => c.Key, Scope, input.NextToken, input.MaxResults);
        return new ListClustersResponse
        {
            ClusterArns = page.Items.Select(c => c.Value.Arn).ToList(),
            NextToken = page.NextToken,
        };
    }
}
