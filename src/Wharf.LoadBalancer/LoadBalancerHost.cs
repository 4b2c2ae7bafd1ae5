using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.LoadBalancer.Health;
using Wharf.LoadBalancer.Proxy;
using Wharf.LoadBalancer.Snapshots;
using Wharf.Storage;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;

namespace Wharf.LoadBalancer;

/// <summary>
/// The data plane as a hosted service: its own Kestrel (listener ports come and go with the
/// listeners), YARP fed from state snapshots, and the health monitor. Runs inside <c>wharf up</c>
/// beside the control plane, reading and writing the same store.
/// </summary>
internal sealed partial class LoadBalancerHost(
    IStateStore store, TimeProvider time, ILoggerFactory loggerFactory, LoadBalancerOptions options) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly SnapshotHolder holder = new();
    private readonly ListenerPortsConfiguration ports = new();
    private readonly SnapshotProxyConfigProvider proxyConfig = new();
    private readonly HttpHealthProber prober = new(time);
    private readonly ILogger logger = loggerFactory.CreateLogger<LoadBalancerHost>();
    private WebApplication? app;
    private Task loops = Task.CompletedTask;
    private SnapshotPublisher? publisher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        publisher = new SnapshotPublisher(store, new SnapshotReader(store, options), holder, options, loggerFactory.CreateLogger<SnapshotPublisher>());
        holder.Swapped += OnSwapped;
        await publisher.RefreshAsync(cancellationToken);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        var kestrelConfig = new ConfigurationBuilder().Add(ports).Build();
        builder.WebHost.UseKestrel(kestrel =>
        {
            // A fixed loopback endpoint keeps Kestrel from falling back to its default port when there are no listeners.
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Configure(kestrelConfig, reloadOnChange: true);
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));

        // YARP logs every proxied request at Information; only its problems belong in Wharf's log.
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton<IProxyConfigProvider>(proxyConfig);
        builder.Services.AddReverseProxy();
        app = builder.Build();
        var random = new Random();
        app.MapReverseProxy(pipeline =>
        {
            var middleware = new ListenerRoutingMiddleware(holder, pipeline.ApplicationServices.GetRequiredService<IProxyStateLookup>(), random.Next, options.RequestCounts);
            pipeline.Use((context, next) => middleware.InvokeAsync(context, () => next(context)));
            pipeline.UseLoadBalancing();
        });
        await app.StartAsync(cancellationToken);

        var monitor = new HealthMonitor(store, holder, prober, time, loggerFactory.CreateLogger<HealthMonitor>());
        loops = Task.WhenAll(
            Task.Run(() => publisher.RunAsync(stopping.Token), CancellationToken.None),
            Task.Run(() => HealthLoopAsync(monitor, stopping.Token), CancellationToken.None));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loops.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        holder.Swapped -= OnSwapped;
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        prober.Dispose();
        proxyConfig.Dispose();
        publisher?.Dispose();
        stopping.Dispose();
    }

    private void OnSwapped(LoadBalancerSnapshot snapshot)
    {
        proxyConfig.Update(snapshot);
        if (ports.Publish(snapshot.Listeners.Keys.ToHashSet(), options.BindAddress) && logger.IsEnabled(LogLevel.Information))
        {
            var bound = string.Join(", ", snapshot.Listeners.Keys.Order());
            LogListenersChanged(logger, bound);
        }
    }

    private async Task HealthLoopAsync(HealthMonitor monitor, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await monitor.TickAsync(stoppingToken);
                await Task.Delay(options.HealthTick, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(options.HealthTick, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.ListenersChanged, Level = LogLevel.Information, Message = "Load balancer listening on ports: {Ports}")]
    private static partial void LogListenersChanged(ILogger logger, string ports);

    [LoggerMessage(EventId = LogEvents.LoopFailed, Level = LogLevel.Error, Message = "Health monitor pass failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
