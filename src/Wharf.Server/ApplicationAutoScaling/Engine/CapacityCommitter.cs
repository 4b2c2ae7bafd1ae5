using Wharf.Core.Model;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.State;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// Commits a scaling step in one transaction: the scalable target, the service's desired count and
/// the activities that record it. The desired count is written the way UpdateService writes a new
/// desired count alone (the service and its PRIMARY deployment, at the version read), so the
/// service controller sees the same change as from the API; a conflict re-reads and re-decides.
/// Stateless and thread-safe.
/// </summary>
internal sealed class CapacityCommitter(ScalingStore store, TimeProvider time)
{
    /// <summary>
    /// Reads the target (null when not registered) and its ACTIVE service (null when there is none),
    /// lets <paramref name="decide"/> compute a change from them (null for none), and commits it.
    /// Returns the change committed, or null.
    /// </summary>
    public ValueTask<CapacityChange?> ApplyAsync(
        ScalableResource resource,
        Func<ScalableTargetRecord?, ServiceRecord?, CapacityChange?> decide,
        CancellationToken cancellationToken) =>
        store.Repository.RetryAsync<CapacityChange?>(
            async ct =>
            {
                var target = await store.FindTargetAsync(resource.Key, ct);
                var service = await store.ServiceAsync(resource, ct);
                var active = service is { Value.Status: "ACTIVE" } ? service : null;
                var change = decide(target?.Value, active?.Value);
                if (change is null)
                {
                    return null;
                }

                var now = time.GetUtcNow();
                var write = store.Repository.Begin();
                if (change.Target != target?.Value)
                {
                    write.Put(ScalingKinds.Target, resource.Key, change.Target.ServiceNamespace, change.Target, target?.Version ?? 0);
                }

                foreach (var activity in change.OtherActivities ?? [])
                {
                    write.Put(ScalingKinds.Activity, activity.Key, activity.ServiceNamespace, activity, 0);
                }

                if (change.DesiredCount is { } desired && active is not null && desired != active.Value.DesiredCount)
                {
                    var current = active.Value;
                    var next = current with
                    {
                        DesiredCount = desired,
                        UpdatedAt = now,
                        Deployments = [current.Primary with { DesiredCount = desired, UpdatedAt = now }, .. current.Deployments.Skip(1)],
                    };
                    write.Put(StateKinds.Service, active.Key, current.ClusterArn, next, active.Version);
                    var activity = ScalingActivities.DesiredCount(resource, desired, change.Cause, now);
                    write.Put(ScalingKinds.Activity, activity.Key, activity.ServiceNamespace, activity, 0);
                }
                else
                {
                    change = change with { DesiredCount = null };
                }

                if (write.IsEmpty)
                {
                    return null;
                }

                await write.CommitAsync(ct);
                return change;
            },
            cancellationToken);
}
