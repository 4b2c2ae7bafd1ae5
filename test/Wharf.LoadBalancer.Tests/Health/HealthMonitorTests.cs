using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Core.Model;
using Wharf.LoadBalancer.Health;
using Wharf.LoadBalancer.Snapshots;
using Wharf.Server.Tests.Fakes;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Health;

public sealed class HealthMonitorTests : IAsyncDisposable
{
    private const string GroupArn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryStateStore store = new();
    private readonly FakeTimeProvider time = new(Start);
    private readonly SnapshotHolder holder = new();
    private readonly ScriptedProber prober = new();
    private readonly HealthMonitor monitor;

    public HealthMonitorTests()
    {
        monitor = new HealthMonitor(store, holder, prober, time, NullLogger<HealthMonitor>.Instance);
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task TickAsync_NewTargetPassesCheck_BecomesHealthy()
    {
        await SetUpAsync(TargetStates.Initial);
        prober.Next = ProbeResult.Passed;

        await TickAndWaitAsync();

        Assert.Equal(TargetStates.Healthy, (await TargetAsync())!.State);
        Assert.Equal(new Uri("http://127.0.0.1:32768/health"), prober.Urls.Single());
    }

    [Fact]
    public async Task TickAsync_ChecksOnlyEveryInterval_UnhealthyAfterThresholdFailures()
    {
        await SetUpAsync(TargetStates.Healthy);
        prober.Next = ProbeResult.CodeMismatch(503);

        await TickAndWaitAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        await TickAndWaitAsync();
        Assert.Single(prober.Urls);
        Assert.Equal(TargetStates.Healthy, (await TargetAsync())!.State);

        time.Advance(TimeSpan.FromSeconds(5));
        await TickAndWaitAsync();

        Assert.Equal(2, prober.Urls.Count);
        var target = (await TargetAsync())!;
        Assert.Equal((TargetStates.Unhealthy, TargetStates.ResponseCodeMismatch), (target.State, target.Reason));
        Assert.Equal(time.GetUtcNow(), target.StateChangedAt);
    }

    [Fact]
    public async Task TickAsync_DrainingTarget_RemovedWhenDelayEnds()
    {
        await SetUpAsync(TargetStates.Draining, drainUntil: Start.AddSeconds(30));

        await TickAndWaitAsync();
        Assert.NotNull(await TargetAsync());
        Assert.Empty(prober.Urls);

        time.Advance(TimeSpan.FromSeconds(30));
        await TickAndWaitAsync();
        Assert.Null(await TargetAsync());
    }

    [Fact]
    public async Task TickAsync_IpTarget_ProbedAtItsOwnAddressAndPort()
    {
        await SetUpAsync(TargetStates.Initial, targetType: "ip", id: "172.31.0.7", port: 80);
        prober.Next = ProbeResult.Passed;

        await TickAndWaitAsync();

        Assert.Equal(new Uri("http://172.31.0.7:80/health"), prober.Urls.Single());
        Assert.Equal(TargetStates.Healthy, (await TargetAsync("172.31.0.7", 80))!.State);
    }

    [Fact]
    public async Task TickAsync_GroupNotUsedByAnyListener_NotChecked()
    {
        await SetUpAsync(TargetStates.Initial, withListener: false);
        await TickAndWaitAsync();
        Assert.Empty(prober.Urls);
    }

    private async Task TickAndWaitAsync()
    {
        await Task.WhenAll(await monitor.TickAsync(default));
        holder.Swap(await new SnapshotReader(store, new LoadBalancerOptions()).ReadAsync(default));
    }

    private async Task<TargetRecord?> TargetAsync(string id = "i-0abc", int port = 32768)
    {
        var document = await store.GetAsync(LoadBalancingKinds.Target, LoadBalancingKinds.TargetKey(GroupArn, id, port), default);
        return document is null ? null : StateJson.Read<TargetRecord>(document.Body);
    }

    private async Task SetUpAsync(
        string state, DateTimeOffset? drainUntil = null, bool withListener = true, string targetType = "instance", string id = "i-0abc", int port = 32768)
    {
        var group = new TargetGroupRecord
        {
            Arn = GroupArn, Name = "web", CreatedAt = Start, Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = targetType,
            HealthCheck = new HealthCheckSettings { Path = "/health", IntervalSeconds = 10, HealthyThreshold = 3, UnhealthyThreshold = 2 },
        };
        var target = new TargetRecord
        {
            TargetGroupArn = GroupArn, Id = id, Port = port, RegisteredAt = Start, State = state, DrainUntil = drainUntil,
        };
        var write = store.BeginTransaction();
        write.Put(LoadBalancingKinds.TargetGroup, GroupArn, "", StateJson.Write(group), 0);
        write.Put(LoadBalancingKinds.Target, LoadBalancingKinds.TargetKey(GroupArn, id, port), GroupArn, StateJson.Write(target), 0);
        if (withListener)
        {
            var listener = new ListenerRecord
            {
                Arn = "listener-1", LoadBalancerArn = "lb-1", Port = 8080, Protocol = "HTTP", DefaultRuleId = "r",
                DefaultActions = [new RuleActionRecord { Type = "forward", TargetGroupArn = GroupArn, TargetGroups = [new WeightedTargetGroup(GroupArn, 1)] }],
            };
            write.Put(LoadBalancingKinds.Listener, listener.Arn, listener.LoadBalancerArn, StateJson.Write(listener), 0);
        }

        await write.CommitAsync(default);
        holder.Swap(await new SnapshotReader(store, new LoadBalancerOptions()).ReadAsync(default));
    }

    private sealed class ScriptedProber : IHealthProber
    {
        public ProbeResult Next { get; set; } = ProbeResult.Passed;

        public List<Uri> Urls { get; } = [];

        public ValueTask<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, string matcher, CancellationToken cancellationToken)
        {
            Urls.Add(url);
            return ValueTask.FromResult(Next);
        }
    }
}
