using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Scheduling.Query;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.ContainerInstances;

/// <summary>
/// ListContainerInstances: the cluster's instance ARNs, all but INACTIVE unless <c>status</c> names
/// one, narrowed by a cluster query language <c>filter</c>; paged.
/// </summary>
internal sealed class ListContainerInstancesHandler(
    StateRepository state, ClusterResolver clusters, ContainerInstanceResolver instances, AgentRegistry agents)
    : IOperationHandler<ListContainerInstancesRequest, ListContainerInstancesResponse>
{
    private const string Scope = "ListContainerInstances";

    private static readonly string[] Statuses = ["ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED"];

    public async ValueTask<ListContainerInstancesResponse> HandleAsync(
        ListContainerInstancesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.Status is { } wanted && !Statuses.Contains(wanted))
        {
            throw EcsErrors.NotOneOf("status", wanted, Statuses);
        }

        ClusterQueryExpression? filter = null;
        if (!string.IsNullOrWhiteSpace(input.Filter) && !ClusterQuery.TryParse(input.Filter, out filter, out var error))
        {
            throw EcsErrors.InvalidParameter($"Invalid filter '{input.Filter}': {error}");
        }

        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var records = await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, cluster.Value.Arn, cancellationToken);
        var matching = records
            .Select(r => r.Value)
            .Where(r => input.Status is { } status ? r.Status == status : r.Status != EcsStatus.Inactive)
            .ToList();

        if (filter is not null)
        {
            var tasks = await instances.TasksByInstanceAsync(cluster.Value.Arn, cancellationToken);
            matching = matching
                .Where(r => filter.Evaluate(InstanceSnapshots.From(r, [.. tasks[r.Arn]], agents.IsConnected(r.Arn))))
                .ToList();
        }

        var page = PageToken.Slice(matching, r => r.Arn, Scope, input.NextToken, input.MaxResults);
        return new ListContainerInstancesResponse
        {
            ContainerInstanceArns = page.Items.Select(r => r.Arn).ToList(),
            NextToken = page.NextToken,
        };
    }
}
