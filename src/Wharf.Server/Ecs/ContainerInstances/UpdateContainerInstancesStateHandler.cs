using Wharf.Core.Model;
using Wharf.Core.Status;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.ContainerInstances;

/// <summary>
/// UpdateContainerInstancesState: moves up to 10 instances between ACTIVE and DRAINING. Instances in
/// another state (registering, deregistering, failed, INACTIVE) cannot change state and are
/// failures, as are unknown ones. A DRAINING instance gets no new tasks; the service scheduler moves
/// its service tasks away. All changes commit together.
/// </summary>
internal sealed class UpdateContainerInstancesStateHandler(
    StateRepository state, ClusterResolver clusters, ContainerInstanceResolver instances, ContainerInstanceMapper mapper)
    : IOperationHandler<UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse>
{
    public const int MaxInstances = 10;

    public async ValueTask<UpdateContainerInstancesStateResponse> HandleAsync(
        UpdateContainerInstancesStateRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.Status is not (EcsStatus.Active or EcsStatus.Draining))
        {
            throw EcsErrors.InvalidParameter(
                $"Container instances can only be set to ACTIVE or DRAINING; {input.Status} was given.");
        }

        var target = input.Status == EcsStatus.Active ? ContainerInstanceStatus.Active : ContainerInstanceStatus.Draining;
        var references = input.ContainerInstances ?? [];
        if (references.Count is 0 or > MaxInstances)
        {
            throw EcsErrors.InvalidParameter($"Give between 1 and {MaxInstances} container instances; {references.Count} were given.");
        }

        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var arns = references.Select(r => instances.ArnOf(r, cluster.Value)).Distinct(StringComparer.Ordinal).ToList();
        var (updated, failures) = await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            var changed = new List<ContainerInstanceRecord>();
            var failed = new List<Failure>();
            foreach (var arn in arns)
            {
                var instance = await instances.FindAsync(arn, cluster.Value, ct);
                if (instance is null)
                {
                    failed.Add(new Failure { Arn = arn, Reason = "MISSING" });
                    continue;
                }

                if (instance.Value.Status == input.Status)
                {
                    changed.Add(instance.Value);
                    continue;
                }

                if (!ContainerInstanceStatus.TryFromEcsString(instance.Value.Status, out var current)
                    || current is not (ContainerInstanceStatus.Active or ContainerInstanceStatus.Draining)
                    || !current.CanTransitionTo(target))
                {
                    failed.Add(new Failure
                    {
                        Arn = arn,
                        Reason = "INVALID_STATUS",
                        Detail = $"The container instance is {instance.Value.Status}: only ACTIVE and DRAINING instances can change state.",
                    });
                    continue;
                }

                var record = instance.Value with { Status = input.Status, Version = instance.Value.Version + 1 };
                write.Put(StateKinds.ContainerInstance, arn, cluster.Value.Arn, record, instance.Version);
                changed.Add(record);
            }

            await write.CommitAsync(ct);
            return (changed, failed);
        }, cancellationToken);

        var tasks = await instances.TasksByInstanceAsync(cluster.Value.Arn, cancellationToken);
        return new UpdateContainerInstancesStateResponse
        {
            ContainerInstances = updated.Select(i => mapper.ToWire(i, [.. tasks[i.Arn]])).ToList(),
            Failures = failures,
        };
    }
}
