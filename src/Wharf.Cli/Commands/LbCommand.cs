using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.LoadBalancer;
using Wharf.Storage;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf lb</c>: only the load balancer data plane (listeners, rules, target health), over the
/// state store in the data directory the server uses. Commits made by the server raise no event in
/// this process, so the store is polled (<c>--poll-seconds</c>). Ctrl-C or SIGTERM stops it.
/// </summary>
internal static class LbCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        var dataDirectory = Settings.DataDirectory(cli);
        var bind = cli.Get("listener-bind", "WHARF_LB_BIND", "0.0.0.0")!;
        if (!System.Net.IPAddress.TryParse(bind, out _))
        {
            throw new ArgumentException($"--listener-bind must be an IP address, not '{bind}'.");
        }

        var poll = StoreFollower.PollInterval(cli);
        using var loggerFactory = Logging.CreateFactory();
        using var stop = Logging.StopOnSignals();
        var store = await StateStoreFactory.OpenAsync(dataDirectory, loggerFactory, stop.Token);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWharfLoadBalancer(options =>
        {
            options.BindAddress = bind;
            options.Resync = poll;
        });
        using var host = builder.Build();
        Console.WriteLine($"Wharf load balancer: listeners on {bind} (data: {dataDirectory}); Ctrl-C stops it.");
        try
        {
            await host.RunAsync(stop.Token);
        }
        catch (IOException ex)
        {
            // A listener port another process holds (a server running its own load balancer).
            await Console.Error.WriteLineAsync($"wharf lb: {ex.Message}");
            return 1;
        }
        finally
        {
            await store.DisposeAsync();
        }

        return 0;
    }
}
