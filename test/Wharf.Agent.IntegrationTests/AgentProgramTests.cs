using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.IntegrationTests;

[Collection(DockerCollection.Name)]
public sealed class AgentProgramTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("wharf-agent-it-");
    private string? _instanceId;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_instanceId is not null)
        {
            await docker.RemoveLeftoversAsync(_instanceId);
        }

        _state.Delete(recursive: true);
    }

    [Fact]
    public async Task RunAsync_RunsTasks_SurvivesItsOwnRestart_AndStopsWhatTheServerDrops()
    {
        // httpd as PID 1 has no SIGTERM handler: a short stopTimeout keeps the stop quick.
        var web = TestSpecs.Container("web", "httpd", "-f", "-p", "8080", "-h", "/www") with
        {
            StopTimeout = 1,
            PortMappings = [new PortMappingSpec { ContainerPort = 8080 }],
        };
        var task = TestSpecs.Task(web);
        await using var server = await FakeAgentServer.StartAsync(TestSpecs.Desired(1, task));
        var options = new AgentOptions
        {
            ServerUrl = server.Url,
            JoinToken = FakeAgentServer.JoinToken,
            StateDirectory = _state.FullName,
            Cluster = "agent-it",
            Attributes = new Dictionary<string, string> { ["stack"] = "it" },
            ContainerCleanupDelay = TimeSpan.FromSeconds(1),
        };

        // First run: registers, runs the task, reports it.
        string runtimeId;
        using (var stop = new CancellationTokenSource())
        {
            var agent = AgentProgram.RunAsync(options, NullLoggerFactory.Instance, stop.Token);
            var running = await WaitAsync(() => server.Latest(task.TaskArn) is { LastStatus: "RUNNING" } r ? r : null, "task RUNNING");
            runtimeId = running.Containers[0].RuntimeId!;
            await WaitAsync(() => server.Heartbeats > 0 ? (object)true : null, "a heartbeat");
            await stop.CancelAsync();
            await agent.WaitAsync(TimeSpan.FromSeconds(15));
        }

        var first = Assert.Single(server.Registrations);
        _instanceId = first.Ec2InstanceId;
        Assert.Matches("^i-[0-9a-f]{17}$", first.Ec2InstanceId);
        Assert.Null(first.ContainerInstanceArn);
        Assert.Equal("agent-it", first.Cluster);
        Assert.Equal(Environment.ProcessorCount * 1024, first.Cpu);
        Assert.True(first.MemoryMiB > 0);
        Assert.Equal("linux", first.Attributes["ecs.os-type"]);
        Assert.Equal("us-east-1a", first.Attributes["ecs.availability-zone"]);
        Assert.Equal("it", first.Attributes["stack"]);
        Assert.StartsWith("20.10", first.DockerVersion);
        using (var identity = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_state.FullName, "agent.json"))))
        {
            Assert.Equal(first.Ec2InstanceId, identity.RootElement.GetProperty("ec2InstanceId").GetString());
            Assert.Equal(FakeAgentServer.InstanceArn, identity.RootElement.GetProperty("containerInstanceArn").GetString());
        }

        // The agent stopped; its container did not.
        var inspected = await docker.Client.Containers.InspectContainerAsync(runtimeId);
        Assert.True(inspected.State!.Running);

        // Second run: same identity, re-adopts the task, then stops it once the server drops it.
        using (var stop = new CancellationTokenSource())
        {
            var agent = AgentProgram.RunAsync(options, NullLoggerFactory.Instance, stop.Token);
            await WaitAsync(() => server.Registrations.Count == 2 ? (object)true : null, "second registration");
            var second = server.Registrations.Last();
            Assert.Equal(first.Ec2InstanceId, second.Ec2InstanceId);
            Assert.Equal(FakeAgentServer.InstanceArn, second.ContainerInstanceArn);
            var adopted = Assert.Single(second.Tasks);
            Assert.Equal("RUNNING", adopted.LastStatus);
            Assert.Equal(runtimeId, adopted.Containers[0].RuntimeId);

            await server.SetDesiredAsync(TestSpecs.Desired(2));
            var stopped = await WaitAsync(() => server.Latest(task.TaskArn) is { LastStatus: "STOPPED" } r ? r : null, "task STOPPED");
            Assert.Equal(runtimeId, stopped.Containers[0].RuntimeId);
            await WaitAsync(
                async () => (await docker.Client.Containers.ListContainersAsync(new() { All = true })).All(c => c.ID != runtimeId) ? (object)true : null,
                "container removed after the cleanup delay");
            await stop.CancelAsync();
            await agent.WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    private static Task<T> WaitAsync<T>(Func<T?> probe, string what)
        where T : class => WaitAsync(() => Task.FromResult(probe()), what);

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
