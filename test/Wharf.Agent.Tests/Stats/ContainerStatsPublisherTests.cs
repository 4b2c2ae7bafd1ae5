using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Agent.Stats;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Stats;

public sealed class ContainerStatsPublisherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeSource _source = new();

    [Fact]
    public async Task Sample_FirstReadingIsBaseline_SecondReportsUsage()
    {
        var tasks = new List<TaskStateReport> { Running("t1", ("app", "c1"), ("sidecar", "c2")) };
        var publisher = new ContainerStatsPublisher(_source, () => tasks, TimeSpan.FromSeconds(5), _time, NullLogger.Instance);
        _source.Set("c1", cpuNs: 0, systemNs: 0, memoryMiB: 64);
        _source.Set("c2", cpuNs: 0, systemNs: 0, memoryMiB: 32);

        var first = await publisher.SampleAsync(default);
        _source.Set("c1", cpuNs: 1_000_000_000, systemNs: 2_000_000_000, memoryMiB: 64);
        _source.Set("c2", cpuNs: 500_000_000, systemNs: 2_000_000_000, memoryMiB: 32);
        var second = await publisher.SampleAsync(default);

        Assert.Empty(first.Tasks);
        var task = Assert.Single(second.Tasks);
        Assert.Equal("t1", task.TaskArn);
        Assert.Equal([("app", 512.0, 64.0), ("sidecar", 256.0, 32.0)], task.Containers.Select(c => (c.Name, c.CpuUnits, c.MemoryMiB)));
    }

    [Fact]
    public async Task Sample_StoppedTasksAndGoneContainers_LeftOut()
    {
        var tasks = new List<TaskStateReport>
        {
            Running("t1", ("app", "c1")),
            Running("t2", ("app", "c2")) with { LastStatus = "STOPPED" },
        };
        var publisher = new ContainerStatsPublisher(_source, () => tasks, TimeSpan.FromSeconds(5), _time, NullLogger.Instance);
        _source.Set("c2", 0, 0, 1);

        await publisher.SampleAsync(default);
        var second = await publisher.SampleAsync(default);

        Assert.Empty(second.Tasks);
        Assert.DoesNotContain("c2", _source.Reads);
    }

    private static TaskStateReport Running(string arn, params (string Name, string Id)[] containers) => new()
    {
        TaskArn = arn,
        LastStatus = "RUNNING",
        Containers = [.. containers.Select(c => new ContainerStateReport { Name = c.Name, RuntimeId = c.Id, LastStatus = "RUNNING" })],
    };

    private sealed class FakeSource : IContainerStatsSource
    {
        private readonly Dictionary<string, RawContainerStats> _stats = [];

        public List<string> Reads { get; } = [];

        public void Set(string id, ulong cpuNs, ulong systemNs, double memoryMiB) =>
            _stats[id] = new RawContainerStats(cpuNs, systemNs, 1, (ulong)(memoryMiB * 1024 * 1024), 0, DateTimeOffset.UnixEpoch);

        public Task<RawContainerStats?> ReadAsync(string containerId, CancellationToken cancellationToken)
        {
            Reads.Add(containerId);
            return Task.FromResult(_stats.GetValueOrDefault(containerId));
        }
    }
}
