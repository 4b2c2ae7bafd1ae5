using System.Reflection;
using Microsoft.Extensions.Logging;
using Wharf.Agent.ControlPlane;
using Wharf.Agent.Diagnostics;
using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Host;
using Wharf.Agent.Logs;
using Wharf.Agent.Stats;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent;

/// <summary>The <c>wharf agent</c> program: joins a server and runs its tasks on the local Docker Engine.</summary>
public static class AgentProgram
{
    /// <summary>This agent's version, as it reports it to the server.</summary>
    public static string Version { get; } =
        typeof(AgentProgram).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// Runs the agent until <paramref name="cancellationToken"/> is cancelled: re-adopts the
    /// containers a previous run left, connects (and reconnects) to the server, and runs the tasks
    /// it is given. On cancellation it disconnects and returns, leaving task containers running,
    /// so a restarted agent picks them up again.
    /// </summary>
    public static Task RunAsync(AgentOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        RunAsync(options, loggerFactory, TimeProvider.System, Random.Shared, new SessionSettings(), cancellationToken);

    internal static async Task RunAsync(
        AgentOptions options,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        Random random,
        SessionSettings sessionSettings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger("Wharf.Agent");
        try
        {
            var store = new AgentIdentityStore(options.StateDirectory);
            var identity = await store.LoadOrCreateAsync(cancellationToken);
            logger.AgentStarting(identity.Ec2InstanceId, options.ServerUrl, options.Capacity is null ? $"cluster {options.Cluster}" : $"{options.Capacity} capacity");

            using var docker = await ConnectDockerAsync(options, time, random, logger, cancellationToken);
            var version = await docker.GetVersionAsync(cancellationToken);
            var resources = HostResources.Detect(options, Environment.ProcessorCount, ReadMeminfo(), version.ApiVersion);
            logger.DockerConnected(version.Version, version.ApiVersion, resources.CpuUnits, resources.MemoryMiB);

            var ids = new MessageIds(random);
            var reports = new ReportQueue(ids.Next);
            var ports = new PortAllocator(new SocketHostPortProbe(), random);
            var settings = new EngineSettings
            {
                InstanceId = identity.Ec2InstanceId,
                CleanupDelay = options.ContainerCleanupDelay,
                PauseImage = options.PauseImage,
            };
            using var logSource = new DockerLogSource(options.DockerEndpoint);
            var logShipper = new LogShipper(
                docker, logSource, new LogPositionStore(options.StateDirectory), identity.Ec2InstanceId, time, ids.Next,
                loggerFactory.CreateLogger("Wharf.Agent.Logs"));
            var context = new EngineContext(
                docker, settings, ports, reports, time, random, loggerFactory.CreateLogger("Wharf.Agent.Engine"))
            {
                LogStreams = logShipper,
            };
            await using var engine = new TaskEngine(context);
            await AdoptAsync(engine, time, random, logger, cancellationToken);

            RegisterRequest Registration() => new()
            {
                Cluster = options.Cluster,
                Capacity = options.Capacity,
                ContainerInstanceArn = identity.ContainerInstanceArn,
                Ec2InstanceId = identity.Ec2InstanceId,
                Cpu = resources.CpuUnits,
                MemoryMiB = resources.MemoryMiB,
                // Ports held by this agent's own tasks are the server's to account for, not "taken by others".
                ReservedPorts = [.. ListeningPorts.Read().Except(ports.InUse())],
                Attributes = resources.Attributes,
                AgentVersion = Version,
                DockerVersion = version.Version,
                HostAddress = options.HostAddress,
                Tasks = engine.CurrentReports(),
            };

            async Task OnRegistered(RegisterResponse response, CancellationToken token)
            {
                if (response.ContainerInstanceArn != identity.ContainerInstanceArn)
                {
                    identity = identity with { ContainerInstanceArn = response.ContainerInstanceArn };
                    await store.SaveAsync(identity, token);
                    logger.IdentitySaved(response.ContainerInstanceArn);
                }
            }

            using var statsSource = new DockerStatsSource(new Uri(options.DockerEndpoint), TimeSpan.FromSeconds(10), time);
            var stats = new ContainerStatsPublisher(
                statsSource, engine.CurrentReports, StatsInterval.FromEnvironment(), time, loggerFactory.CreateLogger("Wharf.Agent.Stats"));
            var client = new ControlPlaneClient(
                new WebSocketChannelConnector(options.ServerUrl, options.JoinToken, time),
                sessionSettings,
                reports,
                Registration,
                OnRegistered,
                engine.ApplyDesired,
                time,
                random,
                ids.Next,
                loggerFactory.CreateLogger("Wharf.Agent.ControlPlane"),
                [logShipper, stats]);

            await Task.WhenAll(engine.RunAsync(cancellationToken), client.RunAsync(cancellationToken), logShipper.RunDiscoveryAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        logger.AgentStopped();
    }

    /// <summary>Waits for the Docker Engine as long as it takes: an agent started before dockerd must not give up.</summary>
    private static async Task<DockerEngine> ConnectDockerAsync(
        AgentOptions options, TimeProvider time, Random random, ILogger logger, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random);
        while (true)
        {
            try
            {
                return await DockerEngine.ConnectAsync(
                    new Uri(options.DockerEndpoint), new DockerTimeouts(), time, cancellationToken);
            }
            catch (Exception e) when (e is DockerEngineException or TimeoutException)
            {
                var delay = backoff.Next();
                logger.DockerUnavailable(e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Re-adopts what a previous run left before anything else happens: connecting without
    /// knowing our own containers would let the server's desired set start duplicates.
    /// </summary>
    private static async Task AdoptAsync(
        TaskEngine engine, TimeProvider time, Random random, ILogger logger, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), random);
        while (true)
        {
            try
            {
                await engine.AdoptAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is DockerEngineException or TimeoutException)
            {
                var delay = backoff.Next();
                logger.DockerUnavailable(e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static string? ReadMeminfo()
    {
        try
        {
            return File.ReadAllText("/proc/meminfo");
        }
        catch (IOException)
        {
            return null;
        }
    }
}
