using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Agent.Engine;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>A task engine over the fake Docker Engine, fake time and a recording report sink.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string InstanceId = "i-0123456789abcdef0";

    private readonly CancellationTokenSource _stop = new();
    private Task _run = System.Threading.Tasks.Task.CompletedTask;

    /// <param name="settings">Engine settings; the defaults with <see cref="InstanceId"/> and a 10 min cleanup delay when null.</param>
    /// <param name="busybox">Opens the busybox the pause image is built from; by default there is none (no disk in unit tests).</param>
    public EngineHarness(EngineSettings? settings = null, Func<string, Stream?>? busybox = null)
    {
        Docker = new FakeDockerEngine(Time);
        Settings = settings ?? new EngineSettings { InstanceId = InstanceId, CleanupDelay = TimeSpan.FromMinutes(10) };
        Ports = new PortAllocator(Probe, new Random(7));
        Context = new EngineContext(Docker, Settings, Ports, Reports, Time, new Random(42), NullLogger.Instance)
        {
            PauseImage = new PauseImageBuilder(Docker, Settings.PauseImage, Settings.BusyboxPath, busybox ?? (_ => null)),
        };
        Engine = new TaskEngine(Context);
    }

    public FakeDockerEngine Docker { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public RecordingReportSink Reports { get; } = new();
    public FakePortProbe Probe { get; } = new();
    public EngineSettings Settings { get; }
    public PortAllocator Ports { get; }
    public EngineContext Context { get; }
    public TaskEngine Engine { get; }

    public EngineHarness Start()
    {
        _run = Engine.RunAsync(_stop.Token);
        return this;
    }

    public async Task<EngineHarness> AdoptAndStartAsync()
    {
        await Engine.AdoptAsync(CancellationToken.None);
        return Start();
    }

    public void Apply(long generation, params TaskSpec[] tasks) => Engine.ApplyDesired(Specs.Desired(generation, tasks));

    public Task UntilStatus(string taskArn, string status) =>
        Eventually.Until(() => Reports.Latest(taskArn)?.LastStatus == status, $"task is {status} (is {Reports.Latest(taskArn)?.LastStatus})");

    public ContainerStateReport Container(string taskArn, string name) =>
        Reports.Latest(taskArn)!.Containers.Single(c => c.Name == name);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        await Engine.DisposeAsync();
        _stop.Dispose();
    }
}
