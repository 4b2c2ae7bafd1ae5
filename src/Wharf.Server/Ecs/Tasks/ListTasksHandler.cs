using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// ListTasks: the ARNs of a cluster's tasks whose desired status is the one asked (RUNNING by
/// default; PENDING never matches, as ECS never sets it), filtered by family, container instance,
/// <c>startedBy</c> (which must be the only filter), service and launch type, in ARN order and
/// paged. Stopped tasks stay listed under STOPPED until a cleanup removes them.
/// </summary>
internal sealed class ListTasksHandler(
    ClusterResolver clusters,
    ArnParser parser,
    ArnFormatter arns,
    StateRepository state) : IOperationHandler<ListTasksRequest, ListTasksResponse>
{
    public const string Scope = "ListTasks";

    public async ValueTask<ListTasksResponse> HandleAsync(ListTasksRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var desired = input.DesiredStatus ?? TaskStatuses.Running;
        if (desired is not (TaskStatuses.Running or TaskStatuses.Pending or TaskStatuses.Stopped))
        {
            throw EcsErrors.NotOneOf("desiredStatus", desired, TaskStatuses.Running, TaskStatuses.Pending, TaskStatuses.Stopped);
        }

        if (input.LaunchType is { } launchType && !LaunchValidation.LaunchTypes.Contains(launchType, StringComparer.Ordinal))
        {
            throw EcsErrors.NotOneOf("launchType", launchType, LaunchValidation.LaunchTypes);
        }

        if (!string.IsNullOrEmpty(input.StartedBy)
            && (input.Family is not null || input.ContainerInstance is not null || input.ServiceName is not null || input.LaunchType is not null))
        {
            throw EcsErrors.InvalidParameter("When you specify startedBy as the filter, it must be the only filter that you use.");
        }

        PageToken.MaxResults(input.MaxResults);
        var cluster = (await clusters.ResolveAsync(input.Cluster, cancellationToken)).Value;
        var instanceArn = input.ContainerInstance is null
            ? null
            : parser.TryParseContainerInstanceReference(input.ContainerInstance, cluster.Name, out var instanceId, out var instanceError)
                ? arns.ContainerInstanceArn(cluster.Name, instanceId)
                : throw EcsErrors.InvalidParameter(instanceError);
        var serviceArn = input.ServiceName is null ? null : await ResolveServiceAsync(cluster.Name, input.ServiceName, cancellationToken);

        bool Matches(TaskRecord t) =>
            t.ClusterArn == cluster.Arn
            && t.DesiredStatus == desired
            && (input.Family is null || t.Family == input.Family)
            && (instanceArn is null || t.ContainerInstanceArn == instanceArn)
            && (string.IsNullOrEmpty(input.StartedBy) || t.StartedBy == input.StartedBy)
            && (serviceArn is null || t.ServiceArn == serviceArn)
            && (input.LaunchType is null || t.LaunchType == input.LaunchType)
            && input.DaemonName is null;

        // A service's or an instance's tasks come through the store's index; either way the store
        // is read in chunks from the token's key until the page is full, not the whole cluster.
        Func<string?, int, ValueTask<IReadOnlyList<Versioned<TaskRecord>>>> read =
            serviceArn is not null ? (after, n) => state.ListByFieldAsync<TaskRecord>(StateKinds.Task, "serviceArn", serviceArn, cancellationToken, after, n)
            : instanceArn is not null ? (after, n) => state.ListByFieldAsync<TaskRecord>(StateKinds.Task, "containerInstanceArn", instanceArn, cancellationToken, after, n)
            : (after, n) => state.ListAsync<TaskRecord>(StateKinds.Task, cluster.Arn, cancellationToken, after, n);
        var scope = Scope + "|" + cluster.Arn;
        var max = PageToken.MaxResults(input.MaxResults);
        var (items, more) = await PageAsync(read, Matches, PageToken.Decode(input.NextToken, scope), max);
        return new ListTasksResponse { TaskArns = items, NextToken = more && items.Count > 0 ? PageToken.Encode(scope, items[^1]) : null };
    }

    /// <summary>The first <paramref name="max"/> matching ARNs after <paramref name="after"/>, and whether another match follows.</summary>
    private static async ValueTask<(List<string> Items, bool More)> PageAsync(
        Func<string?, int, ValueTask<IReadOnlyList<Versioned<TaskRecord>>>> read, Func<TaskRecord, bool> matches, string? after, int max)
    {
        const int Chunk = 500;
        var items = new List<string>(max);
        while (true)
        {
            var chunk = await read(after, Chunk);
            foreach (var task in chunk)
            {
                if (!matches(task.Value))
                {
                    continue;
                }

                if (items.Count == max)
                {
                    return (items, true);
                }

                items.Add(task.Value.Arn);
            }

            if (chunk.Count < Chunk)
            {
                return (items, false);
            }

            after = chunk[^1].Key;
        }
    }

    /// <summary>The service's ARN; a service this cluster never had is a <c>ServiceNotFoundException</c>.</summary>
    private async ValueTask<string> ResolveServiceAsync(string clusterName, string reference, CancellationToken cancellationToken)
    {
        var name = parser.TryParseServiceReference(reference, clusterName, out var parsed, out var error)
            ? parsed
            : throw EcsErrors.InvalidParameter(error);
        var serviceArn = arns.ServiceArn(clusterName, name);
        return await state.Store.GetAsync(StateKinds.Service, serviceArn, cancellationToken) is null
            ? throw TaskErrors.ServiceNotFound()
            : serviceArn;
    }
}
