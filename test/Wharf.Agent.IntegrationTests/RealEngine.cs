using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Host;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.IntegrationTests;

/// <summary>A task engine driving the real Docker Engine through the real <see cref="DockerEngine"/>.</summary>
internal sealed class RealEngine : IAsyncDisposable, IReportSink
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<TaskStateReport> _reports = new();
    private DockerEngine _docker = null!;
    private Task _run = Task.CompletedTask;

    private RealEngine(string instanceId)
    {
        InstanceId = instanceId;
    }

    public string InstanceId { get; }

    public TaskEngine Engine { get; private set; } = null!;

    public IReadOnlyList<TaskStateReport> Reports => [.. _reports];

    public static async Task<RealEngine> StartAsync(DockerFixture docker, string instanceId, bool adopt = false, TimeSpan? cleanupDelay = null)
    {
        var engine = new RealEngine(instanceId);
        engine._docker = await DockerFixture.ConnectAsync();
        var settings = new EngineSettings
        {
            InstanceId = instanceId,
            CleanupDelay = cleanupDelay ?? TimeSpan.FromMinutes(10),
            ResyncInterval = TimeSpan.FromSeconds(5),
        };
        var context = new EngineContext(
            engine._docker,
            settings,
            new PortAllocator(new SocketHostPortProbe(), Random.Shared),
            engine,
            TimeProvider.System,
            Random.Shared,
            NullLogger.Instance);
        engine.Engine = new TaskEngine(context);
        if (adopt)
        {
            await engine.Engine.AdoptAsync(CancellationToken.None);
        }

        engine._run = engine.Engine.RunAsync(engine._stop.Token);
        return engine;
    }

    public void Publish(TaskStateReport report) => _reports.Enqueue(report);

    public TaskStateReport? Latest(string taskArn) => Reports.LastOrDefault(r => r.TaskArn == taskArn);

    public async Task<TaskStateReport> WaitAsync(string taskArn, Func<TaskStateReport, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Latest(taskArn) is { } report && condition(report))
            {
                return report;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Timed out waiting until {what}; last report: {System.Text.Json.JsonSerializer.Serialize(Latest(taskArn), AgentChannelJson.Options)}");
    }

    public Task<TaskStateReport> WaitForStatusAsync(string taskArn, string status, int seconds = 30) =>
        WaitAsync(taskArn, r => r.LastStatus == status, $"task is {status}", seconds);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Engine.DisposeAsync();
        _docker.Dispose();
        _stop.Dispose();
    }
}
