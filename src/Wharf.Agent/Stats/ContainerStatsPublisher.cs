using Microsoft.Extensions.Logging;
using Wharf.Agent.ControlPlane;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Stats;

/// <summary>
/// Every <c>interval</c> while connected, reads the stats of every running task container and
/// sends what each used since the previous reading as one <c>stats</c> message. A container's
/// first reading only sets its baseline; readings are kept across sessions (by container id) so a
/// reconnect does not lose the baseline, and dropped for containers no longer running. Only the
/// session loop calls <see cref="SampleAsync"/>, so the baselines need no lock.
/// </summary>
internal sealed class ContainerStatsPublisher(
    IContainerStatsSource source,
    Func<IReadOnlyList<TaskStateReport>> runningTasks,
    TimeSpan interval,
    TimeProvider time,
    ILogger logger) : ISessionPublisher
{
    private Dictionary<string, RawContainerStats> _previous = new(StringComparer.Ordinal);

    public async Task RunAsync(Func<AgentMessage, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var batch = await SampleAsync(cancellationToken);
            if (batch.Tasks.Count > 0)
            {
                await send(AgentMessage.Create(ContainerStatsBatch.MessageType, null, batch), cancellationToken);
                logger.StatsSent(batch.Tasks.Count);
            }
        }
    }

    public bool Acknowledge(string messageId) => false;

    /// <summary>One reading of every running container; tasks whose containers all lack a baseline are left out.</summary>
    public async Task<ContainerStatsBatch> SampleAsync(CancellationToken cancellationToken)
    {
        var next = new Dictionary<string, RawContainerStats>(StringComparer.Ordinal);
        var tasks = new List<TaskStats>();
        foreach (var task in runningTasks().Where(t => t.LastStatus == "RUNNING"))
        {
            var containers = new List<ContainerStats>();
            foreach (var container in task.Containers.Where(c => c.LastStatus == "RUNNING" && c.RuntimeId is not null))
            {
                RawContainerStats? current;
                try
                {
                    current = await source.ReadAsync(container.RuntimeId!, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.StatsUnavailable(container.RuntimeId!, e.Message);
                    continue;
                }

                if (current is null)
                {
                    continue;
                }

                next[container.RuntimeId!] = current;
                if (_previous.TryGetValue(container.RuntimeId!, out var previous) && StatsCalculator.CpuUnits(previous, current) is { } cpu)
                {
                    containers.Add(new ContainerStats { Name = container.Name, CpuUnits = cpu, MemoryMiB = StatsCalculator.MemoryMiB(current) });
                }
            }

            if (containers.Count > 0)
            {
                tasks.Add(new TaskStats { TaskArn = task.TaskArn, Containers = containers });
            }
        }

        _previous = next;
        return new ContainerStatsBatch { SampledAt = time.GetUtcNow(), Tasks = tasks };
    }
}
