using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// Folds agents' <see cref="TaskStateReport"/>s into task records. Idempotent: a report never
/// moves <c>lastStatus</c> backwards, so a resent batch or a late one changes nothing. A report
/// from an instance the task is not placed on is ignored (a stale agent).
/// </summary>
internal sealed class TaskStateApplier(StateRepository state, TimeProvider time)
{
    public async ValueTask ApplyAsync(string containerInstanceArn, IReadOnlyList<TaskStateReport> reports, CancellationToken cancellationToken)
    {
        if (reports.Count == 0)
        {
            return;
        }

        await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            foreach (var report in reports)
            {
                var task = await state.GetAsync<TaskRecord>(StateKinds.Task, report.TaskArn, ct);
                if (task is null || task.Value.ContainerInstanceArn != containerInstanceArn)
                {
                    continue;
                }

                var updated = Apply(task.Value, report, time.GetUtcNow());
                if (updated != task.Value)
                {
                    write.Put(StateKinds.Task, task.Key, task.Value.ClusterArn, updated with { Version = task.Value.Version + 1 }, task.Version);
                }
            }

            if (!write.IsEmpty)
            {
                await write.CommitAsync(ct);
            }

            return true;
        }, cancellationToken);
    }

    internal static TaskRecord Apply(TaskRecord task, TaskStateReport report, DateTimeOffset now)
    {
        var lastStatus = TaskStatuses.Later(task.LastStatus, report.LastStatus);
        var result = task with { LastStatus = lastStatus };

        if (report.LastStatus == TaskStatuses.Stopped && task.DesiredStatus != TaskStatuses.Stopped)
        {
            // The agent stopped the task on its own (an essential container exited, a start failed).
            result = result with
            {
                DesiredStatus = TaskStatuses.Stopped,
                StopCode = report.StopCode ?? "EssentialContainerExited",
                StoppedReason = report.StoppedReason ?? "Essential container in task exited",
                StoppingAt = task.StoppingAt ?? now,
            };
        }

        result = result with
        {
            PullStartedAt = task.PullStartedAt ?? report.PullStartedAt,
            PullStoppedAt = task.PullStoppedAt ?? report.PullStoppedAt,
            StartedAt = task.StartedAt ?? report.StartedAt ?? (TaskStatuses.Order(lastStatus) >= TaskStatuses.Order(TaskStatuses.Running) && lastStatus != TaskStatuses.Stopped ? now : null),
            ConnectivityAt = task.ConnectivityAt ?? (TaskStatuses.Order(lastStatus) >= TaskStatuses.Order(TaskStatuses.Pending) ? now : null),
            HealthStatus = report.HealthStatus ?? task.HealthStatus,
        };

        if (lastStatus == TaskStatuses.Stopped)
        {
            result = result with
            {
                ExecutionStoppedAt = task.ExecutionStoppedAt ?? report.ExecutionStoppedAt ?? now,
                StoppingAt = result.StoppingAt ?? now,
                StoppedAt = task.StoppedAt ?? now,
            };
        }
        else if (TaskStatuses.Order(lastStatus) >= TaskStatuses.Order(TaskStatuses.Deactivating))
        {
            result = result with { StoppingAt = result.StoppingAt ?? now };
        }

        if (task.NetworkInterface is { } eni && NextInterface(eni, report, lastStatus) is { } next && next != eni)
        {
            result = result with { NetworkInterface = next };
        }

        var containers = task.Containers.Select(c => MergeContainer(c, report.Containers.FirstOrDefault(r => r.Name == c.Name), lastStatus)).ToList();
        if (!containers.SequenceEqual(task.Containers))
        {
            result = result with { Containers = containers };
        }

        return result;
    }

    /// <summary>
    /// The interface after a report: ATTACHED with its address and MAC once the agent reports them,
    /// DETACHED while the task deprovisions, DELETED once it has stopped. It never moves back.
    /// </summary>
    private static TaskNetworkInterfaceRecord? NextInterface(TaskNetworkInterfaceRecord eni, TaskStateReport report, string lastStatus)
    {
        if (eni.Status == NetworkInterfaceStatuses.Deleted)
        {
            return null;
        }

        if (lastStatus == TaskStatuses.Stopped)
        {
            return eni with { Status = NetworkInterfaceStatuses.Deleted };
        }

        if (TaskStatuses.Order(lastStatus) >= TaskStatuses.Order(TaskStatuses.Deprovisioning))
        {
            return eni with { Status = NetworkInterfaceStatuses.Detached };
        }

        if (report.NetworkInterface is { } built && eni.Status == NetworkInterfaceStatuses.Precreated)
        {
            return eni with
            {
                Status = NetworkInterfaceStatuses.Attached,
                PrivateIpv4Address = built.PrivateIpv4Address,
                MacAddress = built.MacAddress,
            };
        }

        return null;
    }

    private static TaskContainerRecord MergeContainer(TaskContainerRecord container, ContainerStateReport? report, string taskStatus)
    {
        if (report is null)
        {
            return taskStatus == TaskStatuses.Stopped && container.LastStatus != TaskStatuses.Stopped
                ? container with { LastStatus = TaskStatuses.Stopped }
                : container;
        }

        var bindings = report.NetworkBindings.Count > 0
            ? report.NetworkBindings.Select(b => new NetworkBindingRecord(b.BindIP, b.ContainerPort, b.HostPort, b.Protocol)).ToList()
            : container.NetworkBindings;
        var merged = container with
        {
            RuntimeId = report.RuntimeId ?? container.RuntimeId,
            ImageDigest = report.ImageDigest ?? container.ImageDigest,
            LastStatus = TaskStatuses.LaterContainer(container.LastStatus, report.LastStatus),
            ExitCode = report.ExitCode ?? container.ExitCode,
            Reason = report.Reason ?? container.Reason,
            HealthStatus = report.HealthStatus ?? container.HealthStatus,
            NetworkBindings = bindings,
            Ipv4Address = report.Ipv4Address ?? container.Ipv4Address,
        };
        return merged.NetworkBindings.SequenceEqual(container.NetworkBindings) ? merged with { NetworkBindings = container.NetworkBindings } : merged;
    }
}
