using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.AgentChannel;
using Wharf.Server.CloudWatch.Metrics;
using Wharf.Server.State;

namespace Wharf.Server.CloudWatch.Ecs;

/// <summary>
/// The <c>stats</c> agent message: looks up the reporting instance and its tasks and publishes
/// their <c>AWS/ECS</c> metrics at the server's time. A task the server does not know (or that
/// runs on another instance) is skipped; a malformed batch is logged and dropped (stats are not acked).
/// </summary>
internal sealed partial class ContainerStatsResponder(
    StateRepository state, IMetricSink sink, TimeProvider time, ILogger<ContainerStatsResponder> logger) : IAgentMessageResponder
{
    public string MessageType => ContainerStatsBatch.MessageType;

    public async ValueTask RespondAsync(AgentSession session, AgentMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var batch = message.ReadBody<ContainerStatsBatch>();
            var instance = await state.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, session.ContainerInstanceArn, cancellationToken);
            var tasks = new List<(TaskRecord, TaskStats)>();
            foreach (var stats in batch.Tasks)
            {
                var task = await state.GetAsync<TaskRecord>(StateKinds.Task, stats.TaskArn, cancellationToken);
                if (task is not null && task.Value.ContainerInstanceArn == session.ContainerInstanceArn)
                {
                    tasks.Add((task.Value, stats));
                }
            }

            await sink.PutAsync(EcsMetricsBuilder.Build(instance?.Value, tasks, time.GetUtcNow()), cancellationToken);
        }
        catch (JsonException e)
        {
            LogRejected(logger, e, session.ContainerInstanceArn);
        }
    }

    [LoggerMessage(EventId = CloudWatchEvents.StatsRejected, Level = LogLevel.Warning, Message = "Malformed stats from {Instance}")]
    private static partial void LogRejected(ILogger logger, Exception exception, string instance);
}
