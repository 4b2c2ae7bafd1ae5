using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Placement;

/// <summary>
/// The one applier of placements (Nomad's plan applier, in small). Each attempt reads a fresh
/// <see cref="ClusterSnapshot"/>, lets the caller plan over it, and commits the new tasks together
/// with a bump of every chosen instance's record at the version the snapshot read. Two concurrent
/// placements onto one instance therefore conflict in the store rather than overcommit it; the
/// loser re-reads and re-plans (the whole read-place-commit is retried, not just the commit).
/// New service tasks get their propagated tags in the same commit (<see cref="ServiceTaskTags"/>).
/// The planning callback may run several times and must not have side effects outside the plan.
/// </summary>
internal sealed class PlacementCommitter(StateRepository state, ClusterSnapshotBuilder snapshots)
{
    /// <summary>Builds the snapshots of <see cref="PlaceAsync{TResult}(string, Func{ClusterSnapshot, CancellationToken, ValueTask{PlacementPlan{TResult}}}, CancellationToken)"/>.</summary>
    public ClusterSnapshotBuilder Snapshots => snapshots;

    public ValueTask<TResult> PlaceAsync<TResult>(
        string clusterArn,
        Func<ClusterSnapshot, CancellationToken, ValueTask<PlacementPlan<TResult>>> plan,
        CancellationToken cancellationToken) =>
        PlaceAsync((_, ct) => snapshots.BuildAsync(clusterArn, ct), plan, cancellationToken);

    /// <summary>
    /// As above, with the snapshot of each attempt from <paramref name="snapshotFor"/> (given the
    /// attempt number, 1 first): a caller that keeps a snapshot current across placements passes it
    /// for the first attempt and reads afresh after a conflict.
    /// </summary>
    public ValueTask<TResult> PlaceAsync<TResult>(
        Func<int, CancellationToken, ValueTask<ClusterSnapshot>> snapshotFor,
        Func<ClusterSnapshot, CancellationToken, ValueTask<PlacementPlan<TResult>>> plan,
        CancellationToken cancellationToken)
    {
        var attempt = 0;
        return state.RetryAsync(
            async ct =>
            {
                var snapshot = await snapshotFor(++attempt, ct);
                var decided = await plan(snapshot, ct);
                var tags = await ServiceTaskTags.PrepareAsync(state, decided.Tasks, ct);
                var write = state.Begin();
                Stage(write, snapshot, decided.Tasks);
                tags?.Invoke(write);
                decided.Writes?.Invoke(write);
                if (!write.IsEmpty)
                {
                    await write.CommitAsync(ct);
                }

                return decided.Result;
            },
            cancellationToken);
    }

    /// <summary>Puts each new task (it must not exist yet) and bumps each instance it lands on, once.</summary>
    internal static void Stage(StateWrite write, ClusterSnapshot snapshot, IReadOnlyList<TaskRecord> tasks)
    {
        var bumped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            write.Put(StateKinds.Task, task.Arn, task.ClusterArn, task, 0);
            if (task.ContainerInstanceArn is not { } instanceArn || !bumped.Add(instanceArn))
            {
                continue;
            }

            if (!snapshot.Records.TryGetValue(instanceArn, out var record))
            {
                throw new InvalidOperationException($"Task {task.Arn} was placed on {instanceArn}, which the snapshot does not hold.");
            }

            // ECS counts a task start as a change of the instance (its remaining resources), so
            // the wire version grows too.
            var updated = record.Value with
            {
                PlacementGeneration = record.Value.PlacementGeneration + 1,
                Version = record.Value.Version + 1,
            };
            write.Put(StateKinds.ContainerInstance, instanceArn, record.Value.ClusterArn, updated, record.Version);
        }
    }
}
