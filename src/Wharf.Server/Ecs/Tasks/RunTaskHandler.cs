using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Scheduling.Placement;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// RunTask: validates, then places <c>count</c> tasks through the placement pipeline and commits
/// them, with a bump of each chosen instance, in one transaction (re-placing on a conflict). Tasks
/// no instance would take come back as <c>failures</c>, one per instance with its reason. With a
/// <c>clientToken</c>, the outcome is remembered in the same commit: the same token and parameters
/// answer the same tasks again for 24 hours; the same token with other parameters is a <c>ConflictException</c>.
/// </summary>
internal sealed class RunTaskHandler(
    TaskLauncher launcher,
    PlacementCommitter committer,
    StateRepository state,
    TaskViews views,
    TimeProvider time,
    Random random) : IOperationHandler<RunTaskRequest, RunTaskResponse>
{
    public async ValueTask<RunTaskResponse> HandleAsync(RunTaskRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var count = LaunchValidation.Count(input.Count);
        var token = LaunchValidation.ClientToken(input.ClientToken);
        var launch = await launcher.PrepareAsync(LaunchRequest.From(input), cancellationToken);
        var constraints = LaunchValidation.Constraints(input.PlacementConstraints, launch.Blueprint.Constraints.Count);
        var strategies = LaunchValidation.Strategies(input.PlacementStrategy);
        var request = launch.Blueprint.ToPlacementRequest(launch.Options, count, constraints, strategies);
        var clusterArn = launch.Cluster.Arn;
        (string Key, string Hash)? idempotency = token is null ? null : (ClientTokens.Key(clusterArn, token), ClientTokens.Hash(input, clusterArn));

        var outcome = await committer.PlaceAsync<Outcome>(
            clusterArn,
            async (snapshot, ct) =>
            {
                var now = time.GetUtcNow();
                var previous = idempotency is { } asked ? await state.GetAsync<IdempotencyRecord>(StateKinds.Idempotency, asked.Key, ct) : null;
                if (previous is not null && now - previous.Value.CreatedAt < ClientTokens.TimeToLive)
                {
                    return previous.Value.RequestHash == idempotency!.Value.Hash
                        ? PlacementPlan<Outcome>.Nothing(new Outcome(null, previous.Value))
                        : throw TaskErrors.ClientTokenConflict(previous.Value.TaskArns);
                }

                var fargate = launch.Options.LaunchType == FargateCapacity.LaunchType;
                var result = Placer.Place(request, snapshot.InstancesFor(launch.Options.LaunchType), random);
                if (result.NoContainerInstances && !fargate)
                {
                    throw TaskErrors.NoContainerInstances();
                }

                var tasks = CapacityProviderSplit.Assign(
                    launch.CapacityProviderStrategy, [], result.Placements.Select(p => launch.NewTask(snapshot.Find(p.ContainerInstanceArn)!, now)).ToList());

                // Fargate's hosts are not the user's to see: a task it cannot take fails for capacity.
                var failures = fargate
                    ? Enumerable.Repeat(new Failure { Reason = TaskErrors.FargateCapacityUnavailable }, count - tasks.Count).ToList()
                    : result.Failures.Select(f => new Failure { Arn = f.ContainerInstanceArn, Reason = f.Reason }).ToList();
                var wire = tasks
                    .Select(t => TaskMapper.ToWire(t, snapshot.Records[t.ContainerInstanceArn!].Value, launch.WireTags()))
                    .ToList();
                return new PlacementPlan<Outcome>(tasks, new Outcome(new RunTaskResponse { Tasks = wire, Failures = failures }, null))
                {
                    Writes = write =>
                    {
                        foreach (var task in tasks)
                        {
                            launch.StageTags(write, task);
                        }

                        if (idempotency is { } id)
                        {
                            var remembered = new IdempotencyRecord
                            {
                                ClientToken = token!,
                                RequestHash = id.Hash,
                                TaskArns = tasks.Select(t => t.Arn).ToList(),
                                FailuresJson = WireJson.Serialize(failures),
                                CreatedAt = now,
                            };
                            write.Put(StateKinds.Idempotency, id.Key, clusterArn, remembered, previous?.Version ?? 0);
                        }
                    },
                };
            },
            cancellationToken);

        return outcome.Response ?? await ReplayAsync(outcome.Replayed!, cancellationToken);
    }

    /// <summary>The answer to a retried token: the same tasks, as they are now, and the same failures.</summary>
    private async ValueTask<RunTaskResponse> ReplayAsync(IdempotencyRecord previous, CancellationToken cancellationToken)
    {
        var tasks = new List<TaskRecord>();
        foreach (var arn in previous.TaskArns)
        {
            if (await state.GetAsync<TaskRecord>(StateKinds.Task, arn, cancellationToken) is { } task)
            {
                tasks.Add(task.Value);
            }
        }

        return new RunTaskResponse
        {
            Tasks = await views.ToWireAsync(tasks, includeTags: true, cancellationToken),
            Failures = previous.FailuresJson is null ? [] : WireJson.Deserialize<List<Failure>>(previous.FailuresJson),
        };
    }

    /// <summary>Either a fresh response or the remembered outcome of an earlier call with the token.</summary>
    private sealed record Outcome(RunTaskResponse? Response, IdempotencyRecord? Replayed);
}
