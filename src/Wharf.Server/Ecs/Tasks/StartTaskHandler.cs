using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Scheduling.Placement;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// StartTask: one task on each named container instance, with RunTask's validation but no
/// scheduler choice: an instance that is unknown (<c>MISSING</c>), deregistered (<c>INACTIVE</c>),
/// disconnected (<c>AGENT</c>), short of resources (<c>RESOURCE:*</c>) or lacking a required attribute
/// (<c>ATTRIBUTE</c>) is a failure. Placement constraints do not apply: the caller chose the instance.
/// The started tasks and the bumped instances are committed together.
/// </summary>
internal sealed class StartTaskHandler(
    TaskLauncher launcher,
    PlacementCommitter committer,
    ArnParser parser,
    ArnFormatter arns,
    TimeProvider time) : IOperationHandler<StartTaskRequest, StartTaskResponse>
{
    public const int MaxContainerInstances = 10;

    public async ValueTask<StartTaskResponse> HandleAsync(StartTaskRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var references = input.ContainerInstances ?? [];
        if (references.Count is 0 or > MaxContainerInstances)
        {
            throw EcsErrors.InvalidParameter(
                $"containerInstances must name between 1 and {MaxContainerInstances} container instances; {references.Count} were given.");
        }

        var launch = await launcher.PrepareAsync(LaunchRequest.From(input), cancellationToken);
        var clusterName = launch.Cluster.Name;
        var targets = references
            .Select(r => parser.TryParseContainerInstanceReference(r, clusterName, out var id, out var error)
                ? arns.ContainerInstanceArn(clusterName, id)
                : throw EcsErrors.InvalidParameter(error))
            .ToList();
        var request = launch.Blueprint.ToPlacementRequest(launch.Options, 1, [], null) with { TaskDefinitionConstraints = [] };

        return await committer.PlaceAsync(
            launch.Cluster.Arn,
            (snapshot, _) =>
            {
                var cluster = new PlacementCluster(snapshot.InstancesFor(launch.Options.LaunchType));
                var now = time.GetUtcNow();
                var tasks = new List<TaskRecord>();
                var failures = new List<Failure>();
                foreach (var target in targets)
                {
                    if (Placer.PlaceOn(request, cluster, target) is { } failure)
                    {
                        failures.Add(new Failure { Arn = target, Reason = failure.Reason });
                    }
                    else
                    {
                        tasks.Add(launch.NewTask(snapshot.Find(target)!, now));
                    }
                }

                var response = new StartTaskResponse
                {
                    Tasks = tasks.Select(t => TaskMapper.ToWire(t, snapshot.Records[t.ContainerInstanceArn!].Value, launch.WireTags())).ToList(),
                    Failures = failures,
                };
                return ValueTask.FromResult(new PlacementPlan<StartTaskResponse>(tasks, response)
                {
                    Writes = write => tasks.ForEach(t => launch.StageTags(write, t)),
                });
            },
            cancellationToken);
    }
}
