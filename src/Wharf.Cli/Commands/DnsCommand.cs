using Microsoft.Extensions.Logging;
using Wharf.Discovery.Hosting;
using Wharf.Storage;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf dns</c>: only the service discovery DNS server, over the state store in the data
/// directory the server uses. Commits made by the server raise no event in this process, so the
/// store is polled (<c>--poll-seconds</c>; a poll that finds every document at the version it had
/// rebuilds nothing). Ctrl-C or SIGTERM stops it.
/// </summary>
internal static class DnsCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        var settings = DnsHostSettings.Parse(
            cli.Get("dns-port", "WHARF_DNS_PORT"),
            cli.Get("dns-bind", "WHARF_DNS_BIND"),
            cli.Get("container-address", "WHARF_DNS_CONTAINER_ADDRESS"),
            cli.Get("docker-endpoint", "DOCKER_HOST"),
            Environment.GetEnvironmentVariable("WHARF_DNS_RESOLV_CONF")) with
        {
            Resync = StoreFollower.PollInterval(cli),
        };
        if (!settings.Enabled)
        {
            throw new ArgumentException("the DNS port is off (--dns-port/WHARF_DNS_PORT); wharf dns has nothing to do.");
        }

        var dataDirectory = Settings.DataDirectory(cli);
        using var loggerFactory = Logging.CreateFactory();
        using var stop = Logging.StopOnSignals();
        await using var store = await StateStoreFactory.OpenAsync(dataDirectory, loggerFactory, stop.Token);
        var host = new DiscoveryDnsHost(settings, store, loggerFactory);
        Console.WriteLine($"Wharf DNS on {string.Join(", ", settings.Endpoints)} (data: {dataDirectory}); Ctrl-C stops it.");
        await host.RunAsync(stop.Token);
        if (!stop.Token.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("wharf dns: could not listen anywhere (see the log above).");
            return 1;
        }

        return 0;
    }
}
