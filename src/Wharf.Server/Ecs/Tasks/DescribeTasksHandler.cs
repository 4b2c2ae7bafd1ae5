using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// DescribeTasks: up to 100 task ids or ARNs of one cluster, each described in full (stopped
/// tasks included) or answered with a <c>MISSING</c> failure; tags only with <c>include: TAGS</c>.
/// A deleted (INACTIVE) cluster's tasks stay describable, as in ECS.
/// </summary>
internal sealed class DescribeTasksHandler(
    ClusterResolver clusters,
    ArnParser parser,
    ArnFormatter arns,
    StateRepository state,
    TaskViews views) : IOperationHandler<DescribeTasksRequest, DescribeTasksResponse>
{
    public const int MaxTasks = 100;

    public async ValueTask<DescribeTasksResponse> HandleAsync(DescribeTasksRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var references = input.Tasks ?? [];
        if (references.Count == 0)
        {
            throw EcsErrors.InvalidParameter("Tasks cannot be empty.");
        }

        if (references.Count > MaxTasks)
        {
            throw EcsErrors.InvalidParameter($"At most {MaxTasks} tasks can be described at once; {references.Count} were given.");
        }

        var includeTags = false;
        foreach (var field in input.Include ?? [])
        {
            includeTags = field == "TAGS" ? true : throw EcsErrors.NotOneOf("include", field, "TAGS");
        }

        var cluster = (await clusters.FindAsync(input.Cluster, cancellationToken))?.Value ?? throw EcsErrors.ClusterNotFound();
        var wanted = references
            .Select(r => parser.TryParseTaskReference(r, cluster.Name, out var id, out var error)
                ? arns.TaskArn(cluster.Name, id)
                : throw EcsErrors.InvalidParameter(error))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var found = new List<TaskRecord>();
        var failures = new List<Failure>();
        foreach (var arn in wanted)
        {
            if (await state.GetAsync<TaskRecord>(StateKinds.Task, arn, cancellationToken) is { } task)
            {
                found.Add(task.Value);
            }
            else
            {
                failures.Add(new Failure { Arn = arn, Reason = "MISSING" });
            }
        }

        return new DescribeTasksResponse
        {
            Tasks = await views.ToWireAsync(found, includeTags, cancellationToken),
            Failures = failures,
        };
    }
}
