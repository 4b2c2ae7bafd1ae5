using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// <c>wharf up</c> with its DNS server on a free high port (<c>WHARF_DNS_PORT</c>), for the service
/// discovery tests; otherwise as <see cref="WharfFixture"/> (own data directory, home and account).
/// Installs <c>dig</c> (Debian's dnsutils) when the machine lacks it.
/// </summary>
public sealed class DiscoveryFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly string root;
    private WharfProcess? process;

    public DiscoveryFixture()
    {
        root = Directory.CreateTempSubdirectory("wharf-e2e-dns-").FullName;
        Port = FreePort();
        DnsPort = FreePort();
        AccountId = "4343" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        Endpoint = new Uri($"http://127.0.0.1:{Port}");
        Aws = new AwsCli(Endpoint);
        Log = new WharfLog(Path.Combine(root, "wharf.log"));
    }

    public int Port { get; }

    public int DnsPort { get; }

    public string AccountId { get; }

    public Uri Endpoint { get; }

    public AwsCli Aws { get; }

    public WharfLog Log { get; }

    public async Task InitializeAsync()
    {
        await EnsureDigAsync();
        process = WharfProcess.Start(
            ["up", "--port", Port.ToString(CultureInfo.InvariantCulture), "--data-dir", Path.Combine(root, "data"),
             "--account-id", AccountId, "--join-token", Guid.NewGuid().ToString("N")],
            new Dictionary<string, string?> { ["HOME"] = root, ["WHARF_DNS_PORT"] = DnsPort.ToString(CultureInfo.InvariantCulture), ["WHARF_DNS_CONTAINER_ADDRESS"] = "off" },
            Log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"wharf exited ({process.ExitCode}).\n{Describe()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (Stopwatch.GetElapsedTime(started) > ReadyTimeout)
            {
                throw new TimeoutException($"wharf did not become ready.\n{Describe()}");
            }

            await Task.Delay(Poll.Interval);
        }
    }

    /// <summary><c>dig @127.0.0.1 -p DNSPORT &lt;args&gt; +short</c>'s output lines (or the full answer without +short).</summary>
    public async Task<ProcessResult> DigAsync(params string[] args) =>
        await ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. args],
            timeout: TimeSpan.FromSeconds(20));

    public string Describe() => $"Wharf on {Endpoint}, DNS port {DnsPort}. Last output:\n{Log.Tail()}";

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.InterruptAsync(TimeSpan.FromSeconds(20));
            process.Dispose();
        }

        // wharf up leaves task containers running when it stops; a test instance has no next start.
        var own = (await DockerCli.TaskContainersAsync()).Where(c => c.TaskArn.Contains($":{AccountId}:", StringComparison.Ordinal));
        await DockerCli.RemoveAsync(own.Select(c => c.Id));
        Log.Dispose();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task EnsureDigAsync()
    {
        if (File.Exists("/usr/bin/dig"))
        {
            return;
        }

        await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", "dnsutils"],
            new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, timeout: TimeSpan.FromMinutes(5));
    }

    /// <summary>A port free for TCP and UDP on loopback now.</summary>
    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
