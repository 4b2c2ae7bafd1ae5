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

        var tasks = await state.ListAsync<TaskRecord>(StateKinds.Task, cluster.Arn, cancellationToken);
        var matching = tasks
            .Select(t => t.Value)
            .Where(t => t.DesiredStatus == desired
                && (input.Family is null || t.Family == input.Family)
                && (instanceArn is null || t.ContainerInstanceArn == instanceArn)
                && (string.IsNullOrEmpty(input.StartedBy) || t.StartedBy == input.StartedBy)
                && (serviceArn is null || t.ServiceArn == serviceArn)
                && (input.LaunchType is null || t.LaunchType == input.LaunchType)
                && input.DaemonName is null)
            .Select(t => t.Arn)
            .ToList();

        var page = PageToken.Slice(matching, arn => arn, Scope + "|" + cluster.Arn, input.NextToken, input.MaxResults);
        return new ListTasksResponse { TaskArns = page.Items.ToList(), NextToken = page.NextToken };
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
