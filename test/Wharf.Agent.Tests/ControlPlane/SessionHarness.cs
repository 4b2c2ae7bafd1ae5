using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Agent.ControlPlane;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.ControlPlane;

/// <summary>A <see cref="ControlPlaneClient"/> against <see cref="FakeServer"/>, with fake time.</summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _ids;
    private Task _run = Task.CompletedTask;

    public SessionHarness()
    {
        Reports = new ReportQueue(() => $"batch-{Interlocked.Increment(ref _ids)}");
    }

    public FakeServer Server { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public ReportQueue Reports { get; }
    public SessionSettings Settings { get; } = new();
    public List<DesiredTasks> Applied { get; } = [];
    public List<RegisterResponse> Registrations { get; } = [];
    public List<TaskStateReport> TasksAtRegistration { get; } = [];

    public SessionHarness Start()
    {
        var client = new ControlPlaneClient(
            Server,
            Settings,
            Reports,
            () => new RegisterRequest
            {
                Ec2InstanceId = "i-0123456789abcdef0",
                Cpu = 2048,
                MemoryMiB = 4000,
                AgentVersion = "test",
                DockerVersion = "20.10.24",
                Tasks = TasksAtRegistration,
            },
            (response, _) =>
            {
                lock (Registrations)
                {
                    Registrations.Add(response);
                }

                return Task.CompletedTask;
            },
            desired =>
            {
                lock (Applied)
                {
                    Applied.Add(desired);
                }
            },
            Time,
            new Random(1),
            () => $"msg-{Interlocked.Increment(ref _ids)}",
            NullLogger.Instance);
        _run = client.RunAsync(_stop.Token);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
    }
}
