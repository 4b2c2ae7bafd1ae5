using Microsoft.Extensions.Logging;
using Wharf.Agent.Docker;

namespace Wharf.Agent.Engine;

/// <summary>What every task manager shares: Docker, settings, ports, the pause image and subnet networks, the report sink, time and randomness.</summary>
internal sealed class EngineContext(
    IDockerEngine docker,
    EngineSettings settings,
    PortAllocator ports,
    IReportSink reports,
    TimeProvider time,
    Random random,
    ILogger logger)
{
    public IDockerEngine Docker { get; } = docker;
    public EngineSettings Settings { get; } = settings;
    public PortAllocator Ports { get; } = ports;
    public IReportSink Reports { get; } = reports;
    public TimeProvider Time { get; } = time;
    public ILogger Logger { get; } = logger;

    /// <summary>The awsvpc pause image, built once per agent process when the engine lacks it.</summary>
    public PauseImageBuilder PauseImage { get; init; } = new(docker, settings.PauseImage, settings.BusyboxPath);

    /// <summary>The Docker networks of the subnets awsvpc tasks run in.</summary>
    public SubnetNetworks Networks { get; } = new(docker, time);

    /// <summary>Opens awslogs streams before containers start; null when logs are not shipped (tests).</summary>
    public Logs.ILogStreamOpener? LogStreams { get; init; }

    /// <summary>Lower-case hex from the injected randomness (which may not be thread-safe, hence the lock).</summary>
    public string RandomHex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        return Convert.ToHexStringLower(bytes)[..length];
    }
}
