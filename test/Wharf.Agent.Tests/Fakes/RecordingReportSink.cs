using System.Collections.Concurrent;
using Wharf.Agent.Engine;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>Keeps every report the engine publishes, in order.</summary>
internal sealed class RecordingReportSink : IReportSink
{
    private readonly ConcurrentQueue<TaskStateReport> _reports = new();

    public IReadOnlyList<TaskStateReport> All => [.. _reports];

    public void Publish(TaskStateReport report) => _reports.Enqueue(report);

    public TaskStateReport? Latest(string taskArn) => All.LastOrDefault(r => r.TaskArn == taskArn);

    /// <summary>The task statuses reported, consecutive repeats collapsed.</summary>
    public IReadOnlyList<string> Statuses(string taskArn)
    {
        var statuses = new List<string>();
        foreach (var report in All.Where(r => r.TaskArn == taskArn))
        {
            if (statuses.Count == 0 || statuses[^1] != report.LastStatus)
            {
                statuses.Add(report.LastStatus);
            }
        }

        return statuses;
    }
}
