using System.Text.Json;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>Turning the task's state into the <see cref="TaskStateReport"/> the server sees.</summary>
internal sealed partial class TaskManager
{
    private void PublishIfChanged()
    {
        var report = BuildReport();
        // Reports hold lists, so record equality would compare references; the wire form is what matters.
        var json = JsonSerializer.Serialize(report, AgentChannelJson.Options);
        if (json == _lastReportJson)
        {
            return;
        }

        _lastReportJson = json;
        _current = report;
        _ctx.Reports.Publish(report);
    }

    private TaskStateReport BuildReport()
    {
        // An awsvpc task's containers all answer on the pause container's address; they publish nothing.
        var pause = Pause;
        var eni = pause is { Ipv4Address: { } address, MacAddress: { } mac } ? new NetworkInterfaceReport(address, mac) : null;
        return new TaskStateReport
        {
            TaskArn = TaskArn,
            LastStatus = _status.ToWire(),
            StopCode = _stopCode,
            StoppedReason = _stoppedReason,
            PullStartedAt = _pullStartedAt,
            PullStoppedAt = _pullStoppedAt,
            StartedAt = _startedAt,
            ExecutionStoppedAt = _executionStoppedAt,
            HealthStatus = TaskHealth(),
            Containers = [.. _containers.Where(c => !c.IsPause).Select(c => new ContainerStateReport
            {
                Name = c.Name,
                RuntimeId = c.RuntimeId,
                ImageDigest = c.ImageId,
                LastStatus = c.Status.ToWire(),
                ExitCode = c.ExitCode,
                Reason = c.Reason,
                HealthStatus = TaskWords.HealthToWire(c.Health),
                NetworkBindings = [.. c.Bindings.Select(b => new NetworkBindingReport(b.HostIp, b.ContainerPort, b.HostPort, b.Protocol))],
                Ipv4Address = pause is null ? c.Ipv4Address : eni?.PrivateIpv4Address,
            })],
            NetworkInterface = eni,
        };
    }

    /// <summary>
    /// ECS task health: UNHEALTHY if any essential container with a health check is unhealthy,
    /// HEALTHY if all of them are healthy, UNKNOWN otherwise (or when none has a check).
    /// </summary>
    private string TaskHealth()
    {
        var checkedEssentials = _containers.Where(c => !c.IsPause && c.Essential && (c.Spec.HealthCheck is not null || c.Health is not null)).ToList();
        if (checkedEssentials.Count == 0)
        {
            return TaskWords.Unknown;
        }

        if (checkedEssentials.Any(c => c.Health == "unhealthy"))
        {
            return TaskWords.Unhealthy;
        }

        return checkedEssentials.All(c => c.Health == "healthy") ? TaskWords.Healthy : TaskWords.Unknown;
    }
}
