using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Core.Status;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// StopTask: sets the task's desired status to STOPPED with stop code <c>UserInitiated</c>, the
/// given reason (or ECS's "Task stopped by user") and <c>stoppingAt</c>; the dispatcher then tells the
/// agent, which stops the containers and reports STOPPED. A task already wanted stopped is returned
/// unchanged, so a repeated call neither rewrites its reason nor its times.
/// </summary>
internal sealed class StopTaskHandler(
    ClusterResolver clusters,
    ArnParser parser,
    ArnFormatter arns,
    StateRepository state,
    TaskViews views,
    TimeProvider time) : IOperationHandler<StopTaskRequest, StopTaskResponse>
{
    public const string DefaultReason = "Task stopped by user";

    public async ValueTask<StopTaskResponse> HandleAsync(StopTaskRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        LaunchValidation.StopReason(input.Reason);
        var cluster = (await clusters.ResolveAsync(input.Cluster, cancellationToken)).Value;
        var taskArn = parser.TryParseTaskReference(input.Task, cluster.Name, out var id, out var error)
            ? arns.TaskArn(cluster.Name, id)
            : throw EcsErrors.InvalidParameter(error);

        var task = await state.RetryAsync(
            async ct =>
            {
                var current = await state.GetAsync<TaskRecord>(StateKinds.Task, taskArn, ct) ?? throw TaskErrors.TaskNotFound();
                if (current.Value.DesiredStatus == TaskStatuses.Stopped)
                {
                    return current.Value;
                }

                var stopped = current.Value with
                {
                    DesiredStatus = TaskStatuses.Stopped,
                    StopCode = StopCodes.UserInitiated,
                    StoppedReason = string.IsNullOrEmpty(input.Reason) ? DefaultReason : input.Reason,
                    StoppingAt = current.Value.StoppingAt ?? time.GetUtcNow(),
                    Version = current.Value.Version + 1,
                };
                var write = state.Begin();
                write.Put(StateKinds.Task, taskArn, current.Value.ClusterArn, stopped, current.Version);
                await write.CommitAsync(ct);
                return stopped;
            },
            cancellationToken);

        return new StopTaskResponse { Task = await views.ToWireAsync(task, includeTags: false, cancellationToken) };
    }
}
